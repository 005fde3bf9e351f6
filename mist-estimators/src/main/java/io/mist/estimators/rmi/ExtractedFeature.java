package io.mist.estimators.rmi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.Samples;
import io.mist.estimators.nn.Nonlinearity;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature network trained by {@link FeatureExtraction}: {@code y = MLP((x - mean) / sd)}, its weights copied
 * out of the engine (immutable, holds no native memory), with the RMI history of its training. Its values and
 * exact Jacobians come from {@link #featureAndJacobian}; each call works in its own NDManager.
 */
public final class ExtractedFeature implements Feature {
    private final int[] sizes;
    private final List<float[]> parameters;
    private final float[] mean;
    private final float[] invSd;
    private final Nonlinearity activation;
    private final double[] history;
    private final double[] validation;
    private final int bestStep;
    private final long seed;

    ExtractedFeature(int[] sizes, List<float[]> parameters, float[] mean, float[] invSd, Nonlinearity activation,
            double[] history, double[] validation, int bestStep, long seed) {
        this.sizes = sizes.clone();
        List<float[]> copy = new ArrayList<>();
        for (float[] p : parameters) {
            copy.add(p.clone());
        }
        this.parameters = List.copyOf(copy);
        this.mean = mean.clone();
        this.invSd = invSd.clone();
        this.activation = activation;
        this.history = history.clone();
        this.validation = validation.clone();
        this.bestStep = bestStep;
        this.seed = seed;
    }

    @Override
    public int inputDim() {
        return sizes[0];
    }

    @Override
    public int outputDim() {
        return sizes[sizes.length - 1];
    }

    /** The batch RMI estimate (smooth-histogram entropy minus the log-determinant term) at every step, nats. */
    public double[] rmiHistory() {
        return history.clone();
    }

    /**
     * The RMI on the validation rows (k-NN entropy) at each check, every {@code eval_every} steps; empty when
     * there were no validation rows.
     */
    public double[] validationHistory() {
        return validation.clone();
    }

    /** The step (from 0) whose weights these are: the chosen validation check, or the last step. */
    public int bestStep() {
        return bestStep;
    }

    /** The seed of the training run. */
    public long seed() {
        return seed;
    }

    @Override
    public FeatureJacobian featureAndJacobian(Samples x) {
        int dx = inputDim();
        int dy = outputDim();
        Jacobians.requireInputs(x, dx);
        int n = x.n();
        try (NDManager m = NDManager.newBaseManager()) {
            NDList params = load(m);
            NDArray[] out = FeatureNetwork.forward(params, m.create(x.toFloatRowMajor(), new Shape(n, dx)),
                    m.create(mean), m.create(invSd), activation);
            return new FeatureJacobian(Samples.ofRowMajor("feature values", FeatureExtraction.toDoubles(out[0]), n,
                    dy), Jacobians.ofRowMajor("feature Jacobian", FeatureExtraction.toDoubles(out[1]), n, dy, dx));
        }
    }

    /** The parameters as arrays of {@code m}: weight {@code [out, in]}, bias {@code [out]}, per layer. */
    NDList load(NDManager m) {
        NDList params = new NDList();
        for (int l = 0; l + 1 < sizes.length; l++) {
            params.add(m.create(parameters.get(2 * l), new Shape(sizes[l + 1], sizes[l])));
            params.add(m.create(parameters.get(2 * l + 1), new Shape(sizes[l + 1])));
        }
        return params;
    }
}
