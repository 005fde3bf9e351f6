package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;

import io.mist.core.internal.Checks;
import io.mist.core.Critic;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.internal.Mlp;
import io.mist.estimators.nn.Nonlinearity;

import java.util.Arrays;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The joint critic {@code f(x, y) = MLP([x, y]) -> 1} on flat parameters. The first layer is split,
 * {@code W [x, y] + b = W_x x + W_y y + b}, so x passes through it once per batch; the {@code R x B} shifted
 * pairs are formed by one gather of the rows of y (data, outside the backward pass), {@code W_y} on them and
 * a broadcast add; the rest of the MLP runs on all
 * pairs in one batched pass over a 2-D {@code [R B, hidden]} array.
 */
final class JointMlpCritic implements Critic, FlatModule {
    private final int dx;
    private final int dy;
    private final int[] hidden;
    private final int wx;
    private final int wy;
    private final int b0;
    private final Mlp tail;
    private final Nonlinearity activation;
    private final Init init;
    private FlatParameters params;
    private Shifts.Cache indices;

    /**
     * Registers the layers {@code (dx + dy) -> hidden... -> 1} in {@code layout}, ReLU, PyTorch's init.
     *
     * @param hidden at least one hidden size
     */
    public JointMlpCritic(FlatParameters.Layout layout, int dx, int dy, int[] hidden) {
        this(layout, dx, dy, hidden, Nonlinearity.RELU, Init.DEFAULT);
    }

    /**
     * Registers the layers {@code (dx + dy) -> hidden... -> 1} in {@code layout}.
     *
     * @param hidden at least one hidden size
     */
    public JointMlpCritic(FlatParameters.Layout layout, int dx, int dy, int[] hidden, Nonlinearity activation,
            Init init) {
        if (hidden.length == 0) {
            throw Checks.fail("hidden_dims must have at least one entry for a joint critic");
        }
        this.dx = dx;
        this.dy = dy;
        this.hidden = hidden.clone();
        this.wx = layout.add(hidden[0], dx);
        this.wy = layout.add(hidden[0], dy);
        this.b0 = layout.add(hidden[0]);
        this.activation = Checks.notNull("activation", activation);
        this.init = Checks.notNull("init", init);
        this.tail = new Mlp(layout, hidden[0], Arrays.copyOfRange(hidden, 1, hidden.length), 1, activation, init);
    }

    /** Writes the initial values (the split first layer as one {@code [hidden, dx + dy]} layer). */
    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        int fanIn = dx + dy;
        init.fillWeights(values, layout.offset(wx), hidden[0] * dx, fanIn, hidden[0], rng);
        init.fillWeights(values, layout.offset(wy), hidden[0] * dy, fanIn, hidden[0], rng);
        Init.fillBiases(values, layout.offset(b0), hidden[0], fanIn, rng);
        tail.initialize(layout, values, rng);
    }

    /** Binds the flat parameters made from the layout. */
    @Override
    public void bind(FlatParameters p) {
        this.params = p;
        this.indices = new Shifts.Cache(p.constants());
    }

    /** Hidden sizes. */
    public int[] hidden() {
        return hidden.clone();
    }

    /** Ids of the split first layer: {@code {W_x, W_y, b}}. */
    public int[] firstLayer() {
        return new int[] {wx, wy, b0};
    }

    /** The MLP after the first layer. */
    public Mlp tail() {
        return tail;
    }

    @Override
    public boolean separable() {
        return false;
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }

    @Override
    public NDArray scores(NDArray x, NDArray y, int[] shifts) {
        NDManager m = x.getManager();
        return trace(x, y, shifts, id -> params.view(id, m)).output().reshape(shifts.length, -1);
    }

    @Override
    public NDArray allPairs(NDArray x, NDArray y) {
        NDManager m = x.getManager();
        int b = (int) x.getShape().get(0);
        NDArray hx = Linear.linear(x, params.view(wx, m), params.view(b0, m)).singletonOrThrow();
        NDArray hy = Linear.linear(y, params.view(wy, m)).singletonOrThrow();
        NDArray h = hy.expandDims(1).add(hx);
        return tail.forwardFrom(params, 0, activation.apply(h).reshape(-1, hidden[0])).reshape(b, b);
    }

    /**
     * A forward pass of {@link #scores} kept for {@link #backward}; arrays in the inputs' manager.
     */
    static final class Trace {
        private final NDArray x;
        private final NDArray ys;
        private final NDArray pre;
        private final NDArray act;
        private final Mlp.Trace tail;
        private final int rows;

        private Trace(NDArray x, NDArray ys, NDArray pre, NDArray act, Mlp.Trace tail, int rows) {
            this.x = x;
            this.ys = ys;
            this.pre = pre;
            this.act = act;
            this.tail = tail;
            this.rows = rows;
        }

        /** The scores {@code [R B, 1]}, row {@code r B + i} for {@code f(x_i, y_((i + shifts[r]) mod B))}. */
        NDArray output() {
            return tail.output();
        }
    }

    /**
     * {@link #scores} on the fixed views of the parameters (no autograd history), kept for
     * {@link #backward}.
     */
    Trace trace(NDArray x, NDArray y, int[] shifts) {
        return trace(x, y, shifts, params::fixedView);
    }

    /**
     * The forward of {@link #scores} with parameter {@code id} given by {@code views}: {@code W_x x + b} once,
     * the rows of y gathered for the shifts (data, no backward node: an index backward is a slow
     * accumulating scatter), {@code W_y} on them and a broadcast add, then the MLP tail on the 2-D
     * {@code [R B, hidden]} pre-activations (one {@code addmm} per layer).
     */
    private Trace trace(NDArray x, NDArray y, int[] shifts, IntFunction<NDArray> views) {
        NDManager m = x.getManager();
        int b = (int) x.getShape().get(0);
        NDArray ys = shifts.length == 1 && shifts[0] == 0 ? y : y.get(indices.index(m, shifts, b));
        return trace(x, ys, shifts.length, views);
    }

    /**
     * Scores {@code [R, B]} with entry {@code (r, i) = f(x_i, y_rows[r B + i])}: any pairing of the batch's x
     * with rows of its y (e.g. negatives drawn with replacement), in one batched pass.
     */
    NDArray scoresAt(NDArray x, NDArray y, long[] rows) {
        NDManager m = x.getManager();
        int b = (int) x.getShape().get(0);
        return trace(x, y.get(m.create(rows)), rows.length / b, id -> params.view(id, m)).output()
                .reshape(rows.length / b, -1);
    }

    /** {@link #scoresAt} on the fixed views of the parameters, kept for {@link #backward}. */
    Trace traceAt(NDArray x, NDArray y, long[] rows) {
        int b = (int) x.getShape().get(0);
        return trace(x, y.get(x.getManager().create(rows)), rows.length / b, params::fixedView);
    }

    /** The forward on {@code ys}, the y paired with {@code x_(j mod B)} in row {@code j} ({@code r} blocks). */
    private Trace trace(NDArray x, NDArray ys, int r, IntFunction<NDArray> views) {
        int b = (int) x.getShape().get(0);
        NDArray hx = Linear.linear(x, views.apply(wx), views.apply(b0)).singletonOrThrow();
        NDArray hy = Linear.linear(ys, views.apply(wy)).singletonOrThrow();
        NDArray pre = r == 1 ? hy.add(hx) : hy.reshape(r, b, hidden[0]).add(hx).reshape(-1, hidden[0]);
        NDArray act = activation.apply(pre);
        return new Trace(x, ys, pre, act, tail.trace(views, 0, act), r);
    }

    /**
     * Adds to {@code g} the gradients of the parameters for the gradient {@code dOut} ({@code [R B, 1]}) of
     * the traced scores. The split first layer: with {@code dz} the gradient of its pre-activations
     * ({@code [R, B, hidden]}), {@code dW_x = (sum_r dz_r)^T x}, {@code db = sum_{r,i} dz}, {@code dW_y = dz^T y'}.
     */
    void backward(Trace t, NDArray dOut, FlatParameters.Gradient g) {
        NDArray dAct = tail.backward(params, t.tail, dOut, g, true);
        NDArray dz = activation.backward(t.pre, t.act, dAct);
        NDArray dzx = t.rows == 1 ? dz : dz.reshape(t.rows, -1, hidden[0]).sum(new int[] {0});
        g.add(wx, dzx.transpose().matMul(t.x));
        g.add(b0, dzx.sum(new int[] {0}));
        g.add(wy, dz.transpose().matMul(t.ys));
    }
}
