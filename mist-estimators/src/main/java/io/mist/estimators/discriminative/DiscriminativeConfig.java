package io.mist.estimators.discriminative;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intListOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;
import io.mist.train.TrainConfig;

import java.util.List;

/**
 * Typed settings of a discriminative estimator (torch_mist's names in brackets), validated in the
 * constructor (the builder only calls it): the bound, the critic ({@code hidden_dims}, {@code critic_type}),
 * negatives ({@code neg_samples}), SMILE's {@code tau}, MINE's {@code gamma}, alpha-TUBA's {@code alpha}, the
 * networks' {@code activation} and {@code init}, TUBA's and alpha-TUBA's {@code baseline} (and
 * {@code baseline_value}), and the training settings ({@link TrainConfig}: {@code batch_size},
 * {@code max_iterations}, {@code max_epochs}, {@code lr}, {@code valid_percentage}, {@code early_stopping},
 * {@code patience}, {@code tolerance}, {@code device}, and the one seed of the fit), and the front-end
 * option {@code progress} ({@link OptionSchema#PROGRESS}: the library never prints). The options are
 * described once in {@link #schema(Bound)}; adding an option is one line there plus its component.
 *
 * @param bound the estimator
 * @param hiddenDims hidden sizes of the critic (and baseline) MLPs (immutable, at least one, each positive)
 * @param criticType joint or separable
 * @param negSamples torch_mist's {@code neg_samples} (k > 0, 0 = whole batch, -1 = all but the positive)
 * @param tau SMILE's clip
 * @param gamma MINE's EMA decay
 * @param alpha alpha-TUBA's interpolation
 * @param train training settings, including the device and the seed
 * @param activation the nonlinearity between hidden layers of every built-in network (ReLU by default)
 * @param init the weight initialisation of every built-in network (PyTorch's default unless chosen)
 * @param baseline TUBA's and alpha-TUBA's baseline (a network {@code b(x)} by default; ignored by the others)
 * @param baselineValue the value of a {@link BaselineType#CONSTANT} baseline
 * @param standardize whether inputs are standardised per column with the training rows' mean and standard
 *     deviation ({@code standardize}; on by default, so the units of the data do not matter)
 * @param folds {@code folds}: k-fold cross-fitting (the value on all rows, each from a critic that never saw
 *     it, with a standard error; see docs/estimators.md); 1 = one fit, value on the test data or the
 *     validation split
 * @param resampling how the negatives are drawn from the batch ({@code resampling}, an option of {@code mine}
 *     and {@code dv}; {@link Resampling#PERMUTATION} for every estimator by default)
 */
public record DiscriminativeConfig(Bound bound, List<Integer> hiddenDims, CriticType criticType, int negSamples,
        double tau, double gamma, double alpha, TrainConfig train, Nonlinearity activation, Init init,
        BaselineType baseline, double baselineValue, boolean standardize, int folds, Resampling resampling) {

    /** Default of {@link #standardize()}. */
    public static final boolean DEFAULT_STANDARDIZE = true;
    /** Default of {@link #folds()}: see docs/estimators.md for the measured choice. */
    public static final int DEFAULT_FOLDS = 5;
    /**
     * Default early-stopping patience, in evaluations (one per epoch): 30 instead of torch_mist's 10, which
     * stops on the noise of the validation value before the critic has converged (see docs/estimators.md).
     */
    public static final int DEFAULT_PATIENCE = 30;
    /** The training defaults of a discriminative estimator ({@link TrainConfig}'s, with {@link #DEFAULT_PATIENCE}). */
    public static final TrainConfig DEFAULT_TRAIN = TrainConfig.builder().patience(DEFAULT_PATIENCE).build();
    /** Default hidden sizes (torch_mist's). */
    public static final List<Integer> DEFAULT_HIDDEN_DIMS = List.of(64, 64);
    /** Default SMILE clip. */
    public static final double DEFAULT_TAU = 5;
    /** Default MINE EMA decay. */
    public static final double DEFAULT_GAMMA = 0.9;
    /** Default alpha-TUBA interpolation. */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Default activation. */
    public static final Nonlinearity DEFAULT_ACTIVATION = Nonlinearity.RELU;
    /** Default initialisation. */
    public static final Init DEFAULT_INIT = Init.DEFAULT;
    /** Default TUBA baseline. */
    public static final BaselineType DEFAULT_BASELINE = BaselineType.MLP;
    /** Default value of a constant baseline. */
    public static final double DEFAULT_BASELINE_VALUE = 1;
    /** Default resampling of the negatives. */
    public static final Resampling DEFAULT_RESAMPLING = Resampling.PERMUTATION;
    /** The MINE / MI-NEE notebook's name of {@code gamma} (its smoothing factor {@code beta}), accepted by mine. */
    public static final String BETA = "beta";

    /** Validates every setting, naming it as users type it. */
    public DiscriminativeConfig {
        Checks.notNull("bound", bound);
        hiddenDims = List.copyOf(Checks.notNull("hidden_dims", hiddenDims));
        if (hiddenDims.isEmpty()) {
            throw Checks.invalid("hidden_dims", "hidden_dims must list at least one layer size, got none");
        }
        for (int h : hiddenDims) {
            if (h < 1) {
                throw Checks.invalid("hidden_dims", "hidden_dims entries must be at least 1, got %s", hiddenDims);
            }
        }
        Checks.notNull("critic_type", criticType);
        if (negSamples < -1) {
            throw Checks.invalid("neg_samples", "neg_samples must be -1, 0 or positive, got %d", negSamples);
        }
        Checks.positive("tau", tau);
        if (!(gamma >= 0 && gamma < 1)) {
            throw Checks.invalid("gamma", "gamma must be in [0, 1), got %s", gamma);
        }
        Checks.inOpenRange("alpha", alpha, 0, 1);
        Checks.notNull("train", train);
        Checks.notNull("activation", activation);
        Checks.notNull("init", init);
        Checks.notNull("baseline", baseline);
        Checks.finite("baseline_value", baselineValue);
        Checks.atLeast("folds", folds, 1);
        Checks.notNull("resampling", resampling);
        if (resampling == Resampling.WITH_REPLACEMENT && criticType == CriticType.SEPARABLE && negSamples <= 0) {
            throw Checks.invalid("resampling", "resampling=with_replacement draws negatives, but a separable critic "
                    + "with neg_samples = %d scores every pair of the batch; give neg_samples > 0 or "
                    + "critic_type=joint", negSamples);
        }
    }

    /** A config with the default {@link Resampling} (the canonical constructor before that option existed). */
    public DiscriminativeConfig(Bound bound, List<Integer> hiddenDims, CriticType criticType, int negSamples,
            double tau, double gamma, double alpha, TrainConfig train, Nonlinearity activation, Init init,
            BaselineType baseline, double baselineValue, boolean standardize, int folds) {
        this(bound, hiddenDims, criticType, negSamples, tau, gamma, alpha, train, activation, init, baseline,
                baselineValue, standardize, folds, DEFAULT_RESAMPLING);
    }

    /** Hidden sizes as an array (a copy), for building networks. */
    public int[] hiddenSizes() {
        return hiddenDims.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The options of {@code bound}'s estimator: one line each, with its default and the setter it goes to;
     * providers, {@code mist list}, the CLI and the docs' tables come from here.
     */
    public static OptionSchema<Builder> schema(Bound bound) {
        OptionSchema<Builder> s = network(intOption("neg_samples", bound.defaultNegSamples(),
                "negatives per positive: k > 0, 0 = whole batch, -1 = all but the positive", Builder::negSamples),
                choiceOption("critic_type", bound.defaultCritic(), "joint f([x,y]) or separable g(x)^T h(y)",
                        Builder::criticType));
        if (bound.needsBaseline()) {
            s = s.and(choiceOption("baseline", DEFAULT_BASELINE,
                    "baseline: network b(x), constant, learnable scalar, or log-mean-exp of the negatives",
                    BaselineType::id, Builder::baseline),
                    doubleOption("baseline_value", DEFAULT_BASELINE_VALUE, "value of the constant baseline",
                            Builder::baselineValue));
        }
        if (bound == Bound.SMILE) {
            s = s.and(doubleOption("tau", DEFAULT_TAU, "clip of the negatives' scores in the partition term",
                    Builder::tau));
        }
        if (bound == Bound.MINE) {
            s = s.and(doubleOption("gamma", DEFAULT_GAMMA, "EMA decay of the partition function", Builder::gamma),
                    OptionSchema.<Builder>frontEndOption(OptionSpec.ofDouble(BETA, DEFAULT_GAMMA, "the MINE notebook's "
                            + "name of gamma (its smoothing factor); give one of the two")));
        }
        if (bound == Bound.MINE || bound == Bound.DV) {
            s = s.and(choiceOption("resampling", DEFAULT_RESAMPLING, "negatives from the batch without replacement "
                    + "(permutation) or with replacement", Resampling::id, Builder::resampling));
        }
        if (bound == Bound.ALPHA_TUBA) {
            s = s.and(doubleOption("alpha", DEFAULT_ALPHA, "weight of the InfoNCE baseline", Builder::alpha));
        }
        return s.and(fitting());
    }

    /**
     * The network and training options every trained estimator of this shape shares: {@code hidden_dims}, the
     * training settings, then {@code critic} (options about the critic), then {@code activation} and
     * {@code init}.
     */
    @SafeVarargs
    public static OptionSchema<Builder> network(OptionSchema.Binding<Builder>... critic) {
        return OptionSchema.<Builder>of(
                intListOption("hidden_dims", DEFAULT_HIDDEN_DIMS, "hidden layer sizes of the critic (and baseline)",
                        Builder::hiddenDims))
                .and(TrainConfig.options(DEFAULT_TRAIN).on(Builder::train))
                .and(critic)
                .and(choiceOption("activation", DEFAULT_ACTIVATION, "activation between hidden layers",
                        Nonlinearity::id, Builder::activation),
                        choiceOption("init", DEFAULT_INIT, "weight initialisation (default = PyTorch's "
                                + "nn.Linear; biases always PyTorch's default)", Init::id, Builder::init));
    }

    /** The options of how the value is measured: {@code standardize}, {@code folds}, {@code device}, {@code progress}. */
    public static OptionSchema<Builder> fitting() {
        return OptionSchema.<Builder>of(booleanOption("standardize", DEFAULT_STANDARDIZE,
                "standardise each column with the training rows' mean and standard deviation", Builder::standardize),
                intOption("folds", DEFAULT_FOLDS, "cross-fitting folds: value and standard error on all rows, each "
                        + "from a critic that never saw it (1 = one fit, value on the validation split)",
                        Builder::folds))
                .and(TrainConfig.DEVICE.on(Builder::train))
                .and(OptionSchema.progressOption());
    }

    /** A builder with torch_mist's defaults for {@code bound}. */
    public static Builder builder(Bound bound) {
        return new Builder(bound);
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. Not thread-safe. */
    public static final class Builder {
        private final Bound bound;
        private List<Integer> hiddenDims = DEFAULT_HIDDEN_DIMS;
        private CriticType criticType;
        private int negSamples;
        private double tau = DEFAULT_TAU;
        private double gamma = DEFAULT_GAMMA;
        private double alpha = DEFAULT_ALPHA;
        private TrainConfig.Builder train = DEFAULT_TRAIN.toBuilder();
        private Nonlinearity activation = DEFAULT_ACTIVATION;
        private Init init = DEFAULT_INIT;
        private BaselineType baseline = DEFAULT_BASELINE;
        private double baselineValue = DEFAULT_BASELINE_VALUE;
        private boolean standardize = DEFAULT_STANDARDIZE;
        private int folds = DEFAULT_FOLDS;
        private Resampling resampling = DEFAULT_RESAMPLING;

        private Builder(Bound bound) {
            this.bound = Checks.notNull("bound", bound);
            this.criticType = bound.defaultCritic();
            this.negSamples = bound.defaultNegSamples();
        }

        /** Hidden sizes. */
        public Builder hiddenDims(List<Integer> v) {
            this.hiddenDims = v;
            return this;
        }

        /** Hidden sizes. */
        public Builder hiddenDims(int... v) {
            return hiddenDims(java.util.Arrays.stream(v).boxed().toList());
        }

        /** Critic type. */
        public Builder criticType(CriticType v) {
            this.criticType = v;
            return this;
        }

        /** torch_mist's {@code neg_samples}. */
        public Builder negSamples(int v) {
            this.negSamples = v;
            return this;
        }

        /** SMILE's clip. */
        public Builder tau(double v) {
            this.tau = v;
            return this;
        }

        /** MINE's EMA decay. */
        public Builder gamma(double v) {
            this.gamma = v;
            return this;
        }

        /** alpha-TUBA's alpha. */
        public Builder alpha(double v) {
            this.alpha = v;
            return this;
        }

        /** Activation between hidden layers. */
        public Builder activation(Nonlinearity v) {
            this.activation = v;
            return this;
        }

        /** Weight initialisation. */
        public Builder init(Init v) {
            this.init = v;
            return this;
        }

        /** TUBA's and alpha-TUBA's baseline. */
        public Builder baseline(BaselineType v) {
            this.baseline = v;
            return this;
        }

        /** The value of a constant baseline. */
        public Builder baselineValue(double v) {
            this.baselineValue = v;
            return this;
        }

        /** Whether to standardise the inputs with the training rows' statistics. */
        public Builder standardize(boolean v) {
            this.standardize = v;
            return this;
        }

        /** Cross-fitting folds (1 = one fit). */
        public Builder folds(int v) {
            this.folds = v;
            return this;
        }

        /** How the negatives are drawn from the batch. */
        public Builder resampling(Resampling v) {
            this.resampling = v;
            return this;
        }

        /** Training settings (replacing any set so far). */
        public Builder train(TrainConfig v) {
            this.train = Checks.notNull("train", v).toBuilder();
            return this;
        }

        /** The training settings being built, to set them one by one. */
        public TrainConfig.Builder train() {
            return train;
        }

        /**
         * The validated config.
         *
         * @throws io.mist.core.InvalidOptionException naming the first invalid setting
         */
        public DiscriminativeConfig build() {
            return new DiscriminativeConfig(bound, hiddenDims, criticType, negSamples, tau, gamma, alpha,
                    train.build(), activation, init, baseline, baselineValue, standardize, folds, resampling);
        }
    }
}
