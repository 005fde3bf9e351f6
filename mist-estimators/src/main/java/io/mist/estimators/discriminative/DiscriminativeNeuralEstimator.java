package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import io.mist.core.Baseline;
import io.mist.core.BoundType;
import io.mist.core.internal.Checks;
import io.mist.core.Critic;
import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.internal.Mlp;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.train.internal.Ema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A trainable discriminative estimator: a critic (built-in MLP on flat parameters, or any DJL
 * {@link Block}), TUBA's and alpha-TUBA's {@link Baseline} ({@link BaselineType}), FLO's normalised critic,
 * and a {@link Bound}. The built-in networks (critic, baseline network or scalar, FLO's head) keep all their
 * parameters in one {@link FlatParameters} array, so one Adam update trains them together. One call of
 * {@link #trainingStep} runs one batched forward for positives and negatives; {@link #explicitStep} does
 * the same step with a hand-written backward pass and no autograd graph, where the networks allow it.
 *
 * <p><b>Negatives</b> ({@code neg_samples}, as torch_mist): {@code k > 0} gives {@code min(k, B)}, {@code 0}
 * gives {@code B} (the positive included), {@code -1} gives {@code B - 1}; at least 1. A separable critic
 * with {@code neg_samples <= 0} scores the whole {@code B x B} matrix (for -1 its off-diagonal part, gathered
 * column by column into {@code [B - 1, B]});
 * otherwise the negatives of {@code x_i} are {@code y_((i + s) mod B)} for {@code M} distinct random shifts
 * {@code s != 0} (all shifts when {@code M >= B - 1}); batches are shuffled, so this is a random pairing.
 * With {@link Resampling#WITH_REPLACEMENT} (mine and dv) each negative is instead {@code y_K}, {@code K}
 * uniform on the batch, drawn independently per entry.
 * Training draws shifts from a seeded stream; evaluation restarts its own stream at every
 * {@link #beginEvaluation()}, so repeated evaluations use the same negatives.
 *
 * <p>Not thread-safe; owns its parameters until {@link #close()}.
 */
public final class DiscriminativeNeuralEstimator implements NeuralEstimator {
    private final Bound bound;
    private final Critic critic;
    private final Baseline baseline;
    private final Mlp floHead;
    private final FlatParameters flat;
    private final NDList parameters;
    private final int negSamples;
    private final Resampling resampling;
    private final Objective objective;
    private final UniformRandomProvider trainRng;
    private final long evalSeed;
    private final Shifts.Cache indices;
    private UniformRandomProvider evalRng;

    private DiscriminativeNeuralEstimator(Bound bound, Critic critic, Baseline baseline, Mlp floHead,
            FlatParameters flat, int negSamples, Resampling resampling, double tau, double gamma, double alpha,
            long seed) {
        this.bound = bound;
        this.critic = critic;
        this.baseline = baseline;
        this.floHead = floHead;
        this.flat = flat;
        this.negSamples = negSamples;
        this.resampling = resampling;
        this.objective = bound.objective(tau, alpha, new Ema(gamma));
        this.trainRng = Seeds.rng(seed, RandomStream.CRITIC_TRAINING);
        this.evalSeed = Seeds.derive(seed, RandomStream.CRITIC_EVALUATION, 0);
        this.evalRng = Seeds.rng(evalSeed);
        this.indices = flat == null ? null : new Shifts.Cache(flat.constants());
        this.parameters = new NDList();
        if (flat != null) {
            parameters.add(flat.array());
        }
        if (!(critic instanceof JointMlpCritic) && !(critic instanceof SeparableMlpCritic)) {
            parameters.addAll(critic.parameters());
        }
    }

    /**
     * An estimator with the built-in MLP critic, initialised from {@code seed}; parameters live in
     * {@code manager}.
     */
    public static DiscriminativeNeuralEstimator create(DiscriminativeConfig c, int dx, int dy, NDManager manager,
            long seed) {
        return build(c, dx, dy, manager, seed, null);
    }

    /**
     * An estimator whose critic is the user's joint {@code block} ({@code [N, dx + dy] -> [N, 1]}); baselines
     * and FLO's head still use the built-in MLP.
     */
    public static DiscriminativeNeuralEstimator withBlock(DiscriminativeConfig c, Block block, int dx, int dy,
            NDManager manager, long seed) {
        return build(c, dx, dy, manager, seed, Checks.notNull("block", block));
    }

    private static DiscriminativeNeuralEstimator build(DiscriminativeConfig c, int dx, int dy, NDManager manager,
            long seed, Block block) {
        Checks.atLeast("dx", dx, 1);
        Checks.atLeast("dy", dy, 1);
        Bound bound = c.bound();
        int[] hidden = c.hiddenSizes();
        FlatParameters.Layout layout = new FlatParameters.Layout();
        Nonlinearity act = c.activation();
        Init init = c.init();
        // the built-in networks in initialisation order; all share one flat array (one optimiser update)
        List<FlatModule> modules = new ArrayList<>();
        JointMlpCritic joint = null;
        SeparableMlpCritic sep = null;
        if (block == null) {
            if (c.criticType() == CriticType.JOINT) {
                joint = new JointMlpCritic(layout, dx, dy, hidden, act, init);
                modules.add(joint);
            } else {
                sep = new SeparableMlpCritic(layout, dx, dy, hidden, act, init);
                modules.add(sep);
            }
        }
        Baseline baseline = bound.needsBaseline() ? baseline(c, layout, dx, modules) : null;
        Mlp head = null;
        if (bound == Bound.FLO) {
            head = sep != null ? new Mlp(layout, 2 * sep.projection(), new int[] {sep.projection()}, 1, act, init)
                    : new Mlp(layout, dx + dy, hidden, 1, act, init);
            modules.add(head);
        }
        FlatParameters flat = null;
        if (layout.count() > 0) {
            float[] values = new float[layout.size()];
            UniformRandomProvider rng = Seeds.rng(seed, RandomStream.CRITIC_INIT);
            for (FlatModule mod : modules) {
                mod.initialize(layout, values, rng);
            }
            flat = new FlatParameters(layout, values, manager);
            for (FlatModule mod : modules) {
                mod.bind(flat);
            }
        }
        Critic critic = block != null ? new BlockCritic(block, dx, dy, manager) : joint != null ? joint : sep;
        return new DiscriminativeNeuralEstimator(bound, critic, baseline, head, flat, c.negSamples(), c.resampling(),
                c.tau(), c.gamma(), c.alpha(), seed);
    }

    private static Baseline baseline(DiscriminativeConfig c, FlatParameters.Layout layout, int dx,
            List<FlatModule> modules) {
        switch (c.baseline()) {
            case CONSTANT:
                return new ConstantBaseline(c.baselineValue());
            case LEARNABLE:
                LearnableBaseline l = new LearnableBaseline(layout);
                modules.add(l);
                return l;
            case LME:
                return LogMeanExpBaseline.overBatch();
            default:
                MlpBaseline m = new MlpBaseline(layout, dx, c.hiddenSizes(), c.activation(), c.init());
                modules.add(m);
                return m;
        }
    }

    /** The bound. */
    public Bound bound() {
        return bound;
    }

    /** The critic. */
    public Critic critic() {
        return critic;
    }

    /** The baseline, or null. */
    public Baseline baseline() {
        return baseline;
    }

    /** The flat parameters of the built-in networks, or null when there are none. */
    FlatParameters flatParameters() {
        return flat;
    }

    @Override
    public String name() {
        return bound.id();
    }

    @Override
    public BoundType boundType() {
        return bound.boundType();
    }

    @Override
    public NDList parameters() {
        return parameters;
    }

    /** Number of negatives per positive for a batch of {@code b} under {@code neg_samples}. */
    public static int negatives(int negSamples, int b) {
        int m;
        if (negSamples > 0) {
            m = Math.min(negSamples, b);
        } else if (negSamples == 0) {
            m = b;
        } else {
            m = b - 1;
        }
        return Math.max(1, m);
    }

    /** The scores of a batch, drawing negatives from {@code rng}. */
    Scores scores(NDArray x, NDArray y, UniformRandomProvider rng) {
        NDManager mgr = x.getManager();
        int b = batchSize(x);
        int m = negatives(negSamples, b);
        NDArray pos;
        NDArray neg;
        NDArray u = null;
        SeparableMlpCritic sep = critic instanceof SeparableMlpCritic ? (SeparableMlpCritic) critic : null;
        NDList e = sep != null ? sep.embed(x, y) : null;
        if (critic.separable() && negSamples <= 0) {
            NDArray all = e != null ? SeparableMlpCritic.allPairs(e) : critic.allPairs(x, y);
            pos = all.diagonal();
            // -1: column i keeps every row but i, gathered into [B - 1, B] (no mask, so the log-sum-exp stays
            // in its cheap logSoftmax form)
            neg = negSamples == 0 ? all
                    : all.gather(indices != null ? indices.offDiagonal(b) : Shifts.offDiagonal(mgr, b), 0);
        } else if (resampling == Resampling.WITH_REPLACEMENT) {
            long[] rows = drawsWithReplacement(m, b, rng);
            NDArray out;
            if (critic instanceof JointMlpCritic joint) {
                out = joint.scoresAt(x, y, rows);
            } else {
                // any critic: the M B drawn pairs scored as positives of a tiled batch
                NDArray drawn = y.get(mgr.create(java.util.Arrays.copyOfRange(rows, b, rows.length)));
                NDArray xs = x.expandDims(0).repeat(0, m).reshape(-1, x.getShape().get(1));
                out = critic.positive(x, y).expandDims(0).concat(critic.positive(xs, drawn).reshape(m, b), 0);
            }
            pos = out.get(0);
            neg = out.get(new NDIndex().addSliceDim(1, m + 1));
        } else {
            int[] shifts = shifts(m, b, rng);
            NDArray out = sep != null ? sep.scores(e, shifts) : critic.scores(x, y, shifts);
            pos = out.get(0);
            neg = m == b ? out : out.get(new NDIndex().addSliceDim(1, shifts.length));
        }
        if (floHead != null) {
            NDArray in = e != null ? e.get(0).concat(e.get(1), 1) : x.concat(y, 1);
            u = floHead.forward(flat, in).squeeze(-1);
        }
        NDArray b0 = baseline == null ? null : baseline.value(x, neg);
        return new Scores(pos, neg, null, m, b0, u);
    }

    /**
     * The scores of a batch whose negatives are given rather than taken from the batch: {@code yNeg}
     * ({@code [M, B, dy]}) holds {@code M} negatives {@code y'_{m,i}} for each {@code x_i}, drawn elsewhere (the
     * hybrid estimators draw them from a generative proposal {@code q(y|x)}).
     */
    Scores scoresWithNegatives(NDArray x, NDArray y, NDArray yNeg) {
        long m = yNeg.getShape().get(0);
        long b = x.getShape().get(0);
        long dy = y.getShape().get(1);
        NDArray pos = critic.positive(x, y);
        NDArray xr = x.expandDims(0).broadcast(m, b, x.getShape().get(1)).reshape(m * b, -1);
        NDArray neg = critic.positive(xr, yNeg.reshape(m * b, dy)).reshape(m, b);
        NDArray u = floHead == null ? null : floHead.forward(flat, x.concat(y, 1)).squeeze(-1);
        NDArray b0 = baseline == null ? null : baseline.value(x, neg);
        return new Scores(pos, neg, null, (int) m, b0, u);
    }

    /**
     * {@code [loss, estimate]} of the bound on a batch with the given negatives ({@code [M, B, dy]}, see
     * {@link #scoresWithNegatives}), for autograd.
     */
    public NDList trainingStep(NDArray x, NDArray y, NDArray yNeg) {
        return objective.loss(scoresWithNegatives(x, y, yNeg));
    }

    /** The bound's per-sample values {@code [B]} on a batch with the given negatives ({@code [M, B, dy]}). */
    public NDArray pointwise(NDArray x, NDArray y, NDArray yNeg) {
        return objective.pointwise(scoresWithNegatives(x, y, yNeg));
    }

    /** Rows of {@code x}; at least 2, since negatives come from the batch. */
    private static int batchSize(NDArray x) {
        int b = (int) x.getShape().get(0);
        if (b < 2) {
            throw Checks.fail("a batch needs at least 2 pairs (negatives come from the batch), got %d", b);
        }
        return b;
    }

    static int[] shifts(int m, int b, UniformRandomProvider rng) {
        if (m >= b - 1) {
            int[] s = new int[b];
            for (int i = 0; i < b; i++) {
                s[i] = i;
            }
            return s;
        }
        int[] pool = new int[b - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i + 1;
        }
        int[] s = new int[m + 1];
        for (int k = 0; k < m; k++) {
            int j = k + rng.nextInt(pool.length - k);
            int t = pool[k];
            pool[k] = pool[j];
            pool[j] = t;
            s[k + 1] = pool[k];
        }
        return s;
    }

    /**
     * Row indices {@code [(1 + M) B]} of y for {@link Resampling#WITH_REPLACEMENT}: the first {@code B} the
     * positives' own rows, then for each of the {@code M} negative rows and each column {@code i} an index drawn
     * uniformly from {@code [0, B)}.
     */
    static long[] drawsWithReplacement(int m, int b, UniformRandomProvider rng) {
        long[] rows = new long[(m + 1) * b];
        for (int i = 0; i < b; i++) {
            rows[i] = i;
        }
        for (int j = b; j < rows.length; j++) {
            rows[j] = rng.nextInt(b);
        }
        return rows;
    }

    @Override
    public NDList trainingStep(NDArray x, NDArray y) {
        return objective.loss(scores(x, y, trainRng));
    }

    /**
     * The explicit training step of the built-in networks: one forward on the parameters' fixed views, the
     * scores the loss needs copied to the JVM, the loss and its gradient with respect to them computed there
     * ({@link Objective#gradient}), and a hand-written backward pass through the networks. Two cases:
     * <ul>
     * <li>the joint critic, any bound and {@code neg_samples}: the {@code [R, B]} scores go to the JVM;</li>
     * <li>the separable critic with all in-batch negatives ({@code neg_samples <= 0}) and a bound that sees
     * them only through per-column log-mean-exps (InfoNCE, alpha-TUBA, FLO): a native {@code logSoftmax} of
     * the {@code B x B} scores (the diagonal masked for {@code -1}); the JVM gets the positives and the
     * per-column values and returns one softmax coefficient per column, expanded natively.</li>
     * </ul>
     * Empty otherwise (the autograd path): a user's block, the lme baseline, the separable critic with shifted
     * negatives or with the other bounds.
     */
    @Override
    public Optional<ExplicitStep> explicitStep(NDArray x, NDArray y) {
        if (baseline != null && !(baseline instanceof DirectBaseline)) {
            return Optional.empty();
        }
        boolean joint = critic instanceof JointMlpCritic;
        boolean separable = critic instanceof SeparableMlpCritic && negSamples <= 0 && objective.columnwise();
        if (!joint && !separable) {
            return Optional.empty();
        }
        int b = batchSize(x);
        FlatParameters.Gradient g = flat.newGradient();
        HostScores s = joint ? jointStep((JointMlpCritic) critic, x, y, b, g) : separableStep(x, y, b, g);
        return Optional.of(new ExplicitStep(s.loss(), s.estimate(), new NDList(g.flat(x.getManager()))));
    }

    private HostScores jointStep(JointMlpCritic joint, NDArray x, NDArray y, int b, FlatParameters.Gradient g) {
        NDManager mgr = x.getManager();
        int m = negatives(negSamples, b);
        boolean drawn = resampling == Resampling.WITH_REPLACEMENT;
        JointMlpCritic.Trace t = drawn ? joint.traceAt(x, y, drawsWithReplacement(m, b, trainRng))
                : joint.trace(x, y, shifts(m, b, trainRng));
        float[] out = t.output().toFloatArray();
        DirectBaseline.Pass base = baseline == null ? null : ((DirectBaseline) baseline).forward(x);
        Mlp.Trace head = floHead == null ? null : floHead.trace(flat, 0, x.concat(y, 1));
        HostScores s = HostScores.rows(out, b, m, m == b && !drawn ? 0 : 1, base == null ? null : base.values(),
                head == null ? null : head.output().toFloatArray());
        objective.gradient(s);
        joint.backward(t, mgr.create(s.scoreGradient(), new Shape(out.length, 1)), g);
        if (base != null) {
            base.backward().apply(s.baselineGradient(), g);
        }
        if (head != null) {
            floHead.backward(flat, head, mgr.create(s.uGradient(), new Shape(b, 1)), g, false);
        }
        return s;
    }

    private HostScores separableStep(NDArray x, NDArray y, int b, FlatParameters.Gradient g) {
        SeparableMlpCritic sep = (SeparableMlpCritic) critic;
        NDManager mgr = x.getManager();
        int m = negatives(negSamples, b);
        SeparableMlpCritic.Trace t = sep.traceAllPairs(x, y);
        NDArray all = t.all();
        NDArray logSoftmax = (m == b ? all : all.add(indices.diagonalMask(b))).logSoftmax(0);
        // log-mean-exp of column i from one unmasked entry: all(r, i) - logSoftmax(r, i) - log m
        NDIndex twoRows = new NDIndex().addSliceDim(0, 2);
        float[] a2 = all.get(twoRows).toFloatArray();
        float[] l2 = logSoftmax.get(twoRows).toFloatArray();
        double[] lme = new double[b];
        double logM = Math.log(m);
        for (int i = 0; i < b; i++) {
            int k = m < b && i == 0 ? b : i;
            lme[i] = (double) a2[k] - l2[k] - logM;
        }
        DirectBaseline.Pass base = baseline == null ? null : ((DirectBaseline) baseline).forward(x);
        Mlp.Trace head = floHead == null ? null : floHead.trace(flat, 0, t.gx().concat(t.hy(), 1));
        HostScores s = HostScores.columns(all.diagonal().toFloatArray(), lme, m,
                base == null ? null : base.values(), head == null ? null : head.output().toFloatArray());
        objective.gradient(s);
        // dL/dall = softmax * c (per column) + diag(dL/dpos)
        NDArray coef = mgr.create(s.softmaxCoefficients(), new Shape(1, b));
        NDArray dPos = mgr.create(s.scoreGradient(), new Shape(1, b));
        NDArray dAll = logSoftmax.exp().mul(coef).add(dPos.mul(indices.eye(b)));
        NDArray dgx = null;
        NDArray dhy = null;
        if (head != null) {
            NDArray dIn = floHead.backward(flat, head, mgr.create(s.uGradient(), new Shape(b, 1)), g, true);
            int p = sep.projection();
            dgx = dIn.get(new NDIndex().addAllDim().addSliceDim(0, p));
            dhy = dIn.get(new NDIndex().addAllDim().addSliceDim(p, 2 * p));
        }
        sep.backward(t, dAll, dgx, dhy, g);
        if (base != null) {
            base.backward().apply(s.baselineGradient(), g);
        }
        return s;
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
        return objective.pointwise(scores(x, y, evalRng));
    }

    @Override
    public void close() {
        if (flat != null) {
            flat.close();
        }
    }
}
