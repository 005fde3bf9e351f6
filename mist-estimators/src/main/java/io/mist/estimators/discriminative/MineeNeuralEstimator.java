package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;
import io.mist.train.Trainer;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * MI-NEE's three Donsker-Varadhan critics on one flat parameter array: {@code t_XY} on {@code [x, y]},
 * {@code t_X} on x and {@code t_Y} on y, each an MLP, each contrasting the batch with {@code R} i.i.d. draws
 * of its reference ({@code Q_X x Q_Y}, {@code Q_X}, {@code Q_Y}; the reference of [x, y] pairs the x and y
 * draws row by row). Per sample, {@code r_i = d^XY_i - d^X_i - d^Y_i} with
 * {@code d^XY_i = t_XY(x_i, y_i) - log mean_r exp t_XY(x'_r, y'_r)} and likewise for x and y; the loss is
 * {@code -(D_XY + D_X + D_Y)} (the three networks share no weight, so each maximises its own bound). The
 * reference draws come from a seeded stream in training and from a stream restarted at every
 * {@link #beginEvaluation()} in evaluation, so that {@link #terms} sees the draws of the value's pass.
 *
 * <p>Not thread-safe; owns its parameters until {@link #close()}.
 */
final class MineeNeuralEstimator implements NeuralEstimator {
    private final Mlp joint;
    private final Mlp marginalX;
    private final Mlp marginalY;
    private final FlatParameters flat;
    private final Reference refX;
    private final Reference refY;
    private final double factor;
    private final UniformRandomProvider trainRng;
    private final long evalSeed;
    private UniformRandomProvider evalRng;
    private int only = -1;

    private MineeNeuralEstimator(Mlp joint, Mlp marginalX, Mlp marginalY, FlatParameters flat, Reference refX,
            Reference refY, double factor, long seed) {
        this.joint = joint;
        this.marginalX = marginalX;
        this.marginalY = marginalY;
        this.flat = flat;
        this.refX = refX;
        this.refY = refY;
        this.factor = factor;
        this.trainRng = Seeds.rng(seed, RandomStream.REFERENCE);
        this.evalSeed = Seeds.derive(seed, RandomStream.CRITIC_EVALUATION, 0);
        this.evalRng = Seeds.rng(evalSeed);
    }

    /** The networks of {@code c}, initialised from {@code seed}, with references fitted to {@code training}. */
    static MineeNeuralEstimator create(MineeConfig c, PairedData training, int dx, int dy, NDManager manager,
            long seed) {
        DiscriminativeConfig n = c.critics();
        int[] hidden = n.hiddenSizes();
        FlatParameters.Layout layout = new FlatParameters.Layout();
        Mlp joint = new Mlp(layout, dx + dy, hidden, 1, n.activation(), n.init());
        Mlp mx = new Mlp(layout, dx, hidden, 1, n.activation(), n.init());
        Mlp my = new Mlp(layout, dy, hidden, 1, n.activation(), n.init());
        float[] values = new float[layout.size()];
        UniformRandomProvider rng = Seeds.rng(seed, RandomStream.CRITIC_INIT);
        joint.initialize(layout, values, rng);
        mx.initialize(layout, values, rng);
        my.initialize(layout, values, rng);
        FlatParameters flat = new FlatParameters(layout, values, manager);
        return new MineeNeuralEstimator(joint, mx, my, flat, Reference.fit(c.reference(), training, true),
                Reference.fit(c.reference(), training, false), c.refBatchFactor(), seed);
    }

    /** The per-sample terms {@code [d^XY, d^X, d^Y]}, each {@code [B]}, with reference draws from {@code rng}. */
    private NDArray[] termsOf(NDArray x, NDArray y, UniformRandomProvider rng) {
        NDManager m = x.getManager();
        int r = (int) Math.max(1, Math.ceil(factor * x.getShape().get(0)));
        NDArray rx = refX.sample(m, r, rng.nextLong());
        NDArray ry = refY.sample(m, r, rng.nextLong());
        return new NDArray[] {dv(joint, x.concat(y, 1), rx.concat(ry, 1)), dv(marginalX, x, rx),
            dv(marginalY, y, ry)};
    }

    /** {@code t(data_i) - log mean_r exp t(ref_r)}. */
    private NDArray dv(Mlp net, NDArray data, NDArray ref) {
        NDArray t = net.forward(flat, data).squeeze(-1);
        NDArray tr = net.forward(flat, ref).reshape(-1);
        NDArray lme = Scores.logSumExp0(tr, false).sub((float) Math.log(tr.getShape().get(0)));
        return t.sub(lme);
    }

    @Override
    public String name() {
        return MineeConfig.NAME;
    }

    @Override
    public NDList trainingStep(NDArray x, NDArray y) {
        NDArray[] t = termsOf(x, y, trainRng);
        NDArray dxy = t[0].mean();
        NDArray dx = t[1].mean();
        NDArray dy = t[2].mean();
        return new NDList(dxy.add(dx).add(dy).neg(), dxy.sub(dx).sub(dy).stopGradient());
    }

    @Override
    public NDArray loss(NDArray x, NDArray y) {
        return trainingStep(x, y).get(0);
    }

    @Override
    public void beginEvaluation() {
        evalRng = Seeds.rng(evalSeed);
    }

    @Override
    public NDArray pointwise(NDArray x, NDArray y) {
        NDArray[] t = termsOf(x, y, evalRng);
        return only >= 0 ? t[only] : t[0].sub(t[1]).sub(t[2]);
    }

    /**
     * The means of {@code d^XY}, {@code d^X}, {@code d^Y} over {@code data}, each by a pass of
     * {@link Trainer#evaluate} with batches of {@code batch} (the same rows and reference draws as the value's
     * pass with that batch size, so {@code D_XY - D_X - D_Y} is the value up to float rounding).
     */
    double[] terms(PairedData data, int batch) {
        double[] out = new double[3];
        try {
            for (int k = 0; k < 3; k++) {
                only = k;
                out[k] = Trainer.evaluate(this, data, batch).value();
            }
        } finally {
            only = -1;
        }
        return out;
    }

    @Override
    public BoundType boundType() {
        return BoundType.NEITHER;
    }

    @Override
    public NDList parameters() {
        return new NDList(flat.array());
    }

    @Override
    public void close() {
        flat.close();
    }
}
