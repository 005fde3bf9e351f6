package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Linear;

import io.mist.core.internal.Checks;
import io.mist.core.Critic;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.internal.Mlp;
import io.mist.estimators.nn.Nonlinearity;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The separable critic {@code f(x, y) = g(x)^T h(y)}: two MLP heads whose last hidden size is the
 * projection size ({@code hidden_dims = [64, 64]} gives {@code d -> 64 -> 64}), on flat parameters. All
 * {@code B x B} scores are one matrix product of the embeddings.
 */
final class SeparableMlpCritic implements Critic, FlatModule {
    private final Mlp g;
    private final Mlp h;
    private final int projection;
    private FlatParameters params;
    private Shifts.Cache indices;

    /** Registers both heads in {@code layout}, ReLU, PyTorch's init. */
    public SeparableMlpCritic(FlatParameters.Layout layout, int dx, int dy, int[] hidden) {
        this(layout, dx, dy, hidden, Nonlinearity.RELU, Init.DEFAULT);
    }

    /** Registers both heads in {@code layout}. */
    public SeparableMlpCritic(FlatParameters.Layout layout, int dx, int dy, int[] hidden, Nonlinearity activation,
            Init init) {
        if (hidden.length == 0) {
            throw Checks.fail("hidden_dims must have at least one entry (the projection size) for a separable "
                    + "critic");
        }
        int[] inner = Arrays.copyOf(hidden, hidden.length - 1);
        this.projection = hidden[hidden.length - 1];
        this.g = new Mlp(layout, dx, inner, projection, activation, init);
        this.h = new Mlp(layout, dy, inner, projection, activation, init);
    }

    /** Writes the initial values. */
    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        g.initialize(layout, values, rng);
        h.initialize(layout, values, rng);
    }

    /** Binds the flat parameters made from the layout. */
    @Override
    public void bind(FlatParameters p) {
        this.params = p;
        this.indices = new Shifts.Cache(p.constants());
    }

    /** The projection size. */
    public int projection() {
        return projection;
    }

    /** The embeddings {@code [g(x), h(y)]}, each {@code [B, projection]}. */
    public NDList embed(NDArray x, NDArray y) {
        return new NDList(g.forward(params, x), h.forward(params, y));
    }

    /**
     * All pairs {@code (j, i) = h(y_j)^T g(x_i)} from embeddings: one {@code linear} (a matrix product with
     * the second operand transposed inside BLAS, cheaper than an explicit transpose).
     */
    public static NDArray allPairs(NDList embeddings) {
        return Linear.linear(embeddings.get(1), embeddings.get(0)).singletonOrThrow();
    }

    @Override
    public boolean separable() {
        return true;
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }

    @Override
    public NDArray scores(NDArray x, NDArray y, int[] shifts) {
        return scores(embed(x, y), shifts);
    }

    /** {@link #scores(NDArray, NDArray, int[])} from embeddings. */
    public NDArray scores(NDList embeddings, int[] shifts) {
        NDArray gx = embeddings.get(0);
        NDArray hy = embeddings.get(1);
        int b = (int) gx.getShape().get(0);
        if (!(shifts.length == 1 && shifts[0] == 0)) {
            hy = hy.get(indices.index(gx.getManager(), shifts, b)).reshape(shifts.length, b, projection);
        }
        return hy.mul(gx).sum(new int[] {-1}).reshape(shifts.length, b);
    }

    @Override
    public NDArray allPairs(NDArray x, NDArray y) {
        return allPairs(embed(x, y));
    }

    /** A forward pass of {@link #allPairs(NDArray, NDArray)} kept for {@link #backward}. */
    static final class Trace {
        private final Mlp.Trace gx;
        private final Mlp.Trace hy;
        private final NDArray all;

        private Trace(Mlp.Trace gx, Mlp.Trace hy, NDArray all) {
            this.gx = gx;
            this.hy = hy;
            this.all = all;
        }

        /** {@code g(x)}, {@code [B, projection]}. */
        NDArray gx() {
            return gx.output();
        }

        /** {@code h(y)}, {@code [B, projection]}. */
        NDArray hy() {
            return hy.output();
        }

        /** The scores {@code [B, B]}, entry {@code (j, i) = h(y_j)^T g(x_i)}. */
        NDArray all() {
            return all;
        }
    }

    /** {@link #allPairs(NDArray, NDArray)} on the fixed views of the parameters, kept for {@link #backward}. */
    Trace traceAllPairs(NDArray x, NDArray y) {
        Mlp.Trace gt = g.trace(params, 0, x);
        Mlp.Trace ht = h.trace(params, 0, y);
        return new Trace(gt, ht, Linear.linear(ht.output(), gt.output()).singletonOrThrow());
    }

    /**
     * Adds to {@code grad} the gradients of both heads for the gradient {@code dAll} of the traced scores
     * ({@code dg = dAll^T h}, {@code dh = dAll g}) plus optional direct gradients of the embeddings
     * ({@code dgx}, {@code dhy}, or null).
     */
    void backward(Trace t, NDArray dAll, NDArray dgx, NDArray dhy, FlatParameters.Gradient grad) {
        NDArray dg = dAll.transpose().matMul(t.hy());
        NDArray dh = dAll.matMul(t.gx());
        g.backward(params, t.gx, dgx == null ? dg : dg.add(dgx), grad, false);
        h.backward(params, t.hy, dhy == null ? dh : dh.add(dhy), grad, false);
    }
}
