package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import io.mist.core.internal.Checks;
import io.mist.core.Critic;

/**
 * A joint critic given as any DJL {@link Block} mapping {@code [N, dx + dy]} pairs to {@code [N, 1]}
 * scores: the general path for user-defined architectures. Slower than the built-in MLP (one array per
 * parameter, DJL's block machinery in the loop) but trained and evaluated the same way; the pairs of a batch
 * still go through the block in one forward.
 */
final class BlockCritic implements Critic {
    private final Block block;
    private final ParameterStore store;
    private final NDList parameters;

    /**
     * Wraps {@code block}, initialising it for inputs {@code [N, dx + dy]} in {@code manager} if it is not
     * initialised yet. DJL's initialisers (and dropout layers) draw from the engine's global generator, which
     * the library neither seeds nor uses: for a reproducible user block, initialise it before passing it in
     * (its parameter values then come from the caller).
     */
    public BlockCritic(Block block, int dx, int dy, NDManager manager) {
        this.block = Checks.notNull("block", block);
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, dx + dy));
        }
        this.store = new ParameterStore(manager, false);
        this.parameters = new NDList();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (!a.hasGradient()) {
                a.setRequiresGradient(true);
            }
            parameters.add(a);
        }
    }

    /** The wrapped block. */
    public Block block() {
        return block;
    }

    @Override
    public boolean separable() {
        return false;
    }

    @Override
    public NDList parameters() {
        return parameters;
    }

    @Override
    public NDArray scores(NDArray x, NDArray y, int[] shifts) {
        int b = (int) x.getShape().get(0);
        NDArray xs = shifts.length == 1 ? x : x.tile(new long[] {shifts.length, 1});
        NDArray ys = shifts.length == 1 && shifts[0] == 0 ? y : y.get(Shifts.index(x.getManager(), shifts, b));
        return forward(xs.concat(ys, 1)).reshape(shifts.length, b);
    }

    @Override
    public NDArray allPairs(NDArray x, NDArray y) {
        int b = (int) x.getShape().get(0);
        NDArray xs = x.tile(new long[] {b, 1});
        NDArray ys = y.repeat(0, b);
        return forward(xs.concat(ys, 1)).reshape(b, b);
    }

    private NDArray forward(NDArray pairs) {
        return block.forward(store, new NDList(pairs), true).singletonOrThrow();
    }
}
