package io.mist.estimators.rmi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;

/**
 * A feature given as an initialised DJL {@link Block} mapping {@code [n, dx]} to {@code [n, dy]} (float32,
 * rows independent: no batch normalisation in training mode or other mixing across rows), its Jacobian by
 * reverse-mode autograd: for each feature component {@code a}, one forward pass and one backward pass of
 * {@code sum_i y_ia} give {@code d y_ia / d x_i} for every row at once ({@code dy} passes in all). Values
 * and Jacobians are in float32 precision. Each call works in its own NDManager, closed before it returns; the block is run in inference
 * mode and not modified, except that the backward pass also accumulates into its parameters' gradient
 * buffers, as any backward pass of the engine does.
 */
public final class BlockFeature implements Feature {
    private final Block block;
    private final int dx;
    private final int dy;

    private BlockFeature(Block block, int dx, int dy) {
        this.block = block;
        this.dx = dx;
        this.dy = dy;
    }

    /**
     * The feature computed by {@code block}, which must be initialised for inputs {@code [n, dx]} and give
     * {@code [n, dy]}.
     */
    public static BlockFeature of(Block block, int dx, int dy) {
        Checks.notNull("block", block);
        Checks.atLeast("dx", dx, 1);
        Checks.atLeast("dy", dy, 1);
        if (!block.isInitialized()) {
            throw Checks.fail("block: initialise it first, e.g. block.initialize(manager, DataType.FLOAT32, "
                    + "new Shape(1, %d))", dx);
        }
        return new BlockFeature(block, dx, dy);
    }

    @Override
    public int inputDim() {
        return dx;
    }

    @Override
    public int outputDim() {
        return dy;
    }

    @Override
    public FeatureJacobian featureAndJacobian(Samples x) {
        Jacobians.requireInputs(x, dx);
        int n = x.n();
        double[] values = new double[n * dy];
        double[] jac = new double[Math.multiplyExact(n, dy * dx)];
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            float[] input = x.toFloatRowMajor();
            for (int a = 0; a < dy; a++) {
                try (NDManager step = m.newSubManager(); GradientCollector gc = Engine.getInstance()
                        .newGradientCollector()) {
                    NDArray in = step.create(input, new Shape(n, dx));
                    in.setRequiresGradient(true);
                    NDArray out = block.forward(ps, new NDList(in), false).singletonOrThrow();
                    if (!out.getShape().equals(new Shape(n, dy))) {
                        throw Checks.fail("block: output shape %s for input [%d, %d], expected [%d, %d]",
                                out.getShape(), n, dx, n, dy);
                    }
                    if (a == 0) {
                        float[] v = out.toFloatArray();
                        for (int k = 0; k < v.length; k++) {
                            values[k] = v[k];
                        }
                    }
                    gc.backward(out.get(":, " + a).sum());
                    float[] g = in.getGradient().toFloatArray();
                    for (int i = 0; i < n; i++) {
                        for (int b = 0; b < dx; b++) {
                            jac[(i * dy + a) * dx + b] = g[i * dx + b];
                        }
                    }
                }
            }
        }
        return new FeatureJacobian(Samples.ofRowMajor("feature values", values, n, dy),
                Jacobians.ofRowMajor("autograd Jacobian", jac, n, dy, dx));
    }
}
