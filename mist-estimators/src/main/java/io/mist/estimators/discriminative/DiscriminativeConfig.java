package io.mist.estimators.discriminative;

import io.mist.core.Checks;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.train.TrainConfig;

/**
 * Typed, validated settings of a discriminative estimator (torch_mist's names in brackets): the bound, the
 * critic ({@code hidden_dims}, {@code critic_type}), negatives ({@code neg_samples}), SMILE's {@code tau},
 * MINE's {@code gamma}, alpha-TUBA's {@code alpha}, the networks' {@code activation} and {@code init}, TUBA's
 * and alpha-TUBA's {@code baseline} (and {@code baseline_value}), the device ({@code device}: cpu, gpu or
 * auto) and the
 * training settings ({@link TrainConfig}: {@code batch_size}, {@code max_iterations}, {@code max_epochs},
 * {@code lr}, {@code valid_percentage}, {@code early_stopping}, {@code patience}, {@code tolerance}).
 *
 * @param bound the estimator
 * @param hiddenDims hidden sizes of the critic (and baseline) MLPs
 * @param criticType joint or separable
 * @param negSamples torch_mist's {@code neg_samples} (k > 0, 0 = whole batch, -1 = all but the positive)
 * @param tau SMILE's clip
 * @param gamma MINE's EMA decay
 * @param alpha alpha-TUBA's interpolation
 * @param device {@code cpu}, {@code gpu} or {@code auto} (a GPU when the engine sees one)
 * @param train training settings (its seed is replaced by the estimator's)
 * @param activation the nonlinearity between hidden layers of every built-in network (ReLU by default)
 * @param init the weight initialisation of every built-in network (PyTorch's default unless chosen)
 * @param baseline TUBA's and alpha-TUBA's baseline (a network {@code b(x)} by default; ignored by the others)
 * @param baselineValue the value of a {@link BaselineType#CONSTANT} baseline
 * @param standardize whether inputs are standardised per column with the training rows' mean and standard
 *     deviation ({@code standardize}; on by default, so the units of the data do not matter)
 * @param folds {@code folds}: k-fold cross-fitting (the value on all rows, each from a critic that never saw
 *     it, with a standard error; see {@link CrossFitting}); 1 = one fit, value on the test data or the
 *     validation split
 */
public record DiscriminativeConfig(Bound bound, int[] hiddenDims, CriticType criticType, int negSamples, double tau,
        double gamma, double alpha, String device, TrainConfig train, Nonlinearity activation, Init init,
        BaselineType baseline, double baselineValue, boolean standardize, int folds) {

    /** Default of {@link #standardize()}. */
    public static final boolean DEFAULT_STANDARDIZE = true;
    /** Default of {@link #folds()}: see docs/estimators.md for the measured choice. */
    public static final int DEFAULT_FOLDS = 5;
    /**
     * Default early-stopping patience, in evaluations (one per epoch): 30 instead of torch_mist's 10, which
     * stops on the noise of the validation value before the critic has converged (see docs/estimators.md).
     */
    public static final int DEFAULT_PATIENCE = 30;

    /** Copies the hidden sizes. */
    public DiscriminativeConfig {
        hiddenDims = hiddenDims.clone();
    }

    /** Hidden sizes (a copy). */
    @Override
    public int[] hiddenDims() {
        return hiddenDims.clone();
    }

    /** A builder with torch_mist's defaults for {@code bound}. */
    public static Builder builder(Bound bound) {
        return new Builder(bound);
    }

    /** Validating builder; not thread-safe. */
    public static final class Builder {
        private final Bound bound;
        private int[] hiddenDims = {64, 64};
        private CriticType criticType;
        private int negSamples;
        private double tau = 5;
        private double gamma = 0.9;
        private double alpha = 0.01;
        private String device = "auto";
        private TrainConfig train = TrainConfig.builder().patience(DEFAULT_PATIENCE).build();
        private Nonlinearity activation = Nonlinearity.RELU;
        private Init init = Init.DEFAULT;
        private BaselineType baseline = BaselineType.MLP;
        private double baselineValue = 1;
        private boolean standardize = DEFAULT_STANDARDIZE;
        private int folds = DEFAULT_FOLDS;

        private Builder(Bound bound) {
            this.bound = Checks.notNull("bound", bound);
            this.criticType = bound.defaultCritic();
            this.negSamples = bound.defaultNegSamples();
        }

        /** Hidden sizes. */
        public Builder hiddenDims(int... v) {
            this.hiddenDims = v.clone();
            return this;
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

        /** Device: cpu, gpu or auto. */
        public Builder device(String v) {
            this.device = v;
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

        /** Training settings. */
        public Builder train(TrainConfig v) {
            this.train = v;
            return this;
        }

        /**
         * The validated config.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public DiscriminativeConfig build() {
            if (hiddenDims.length == 0) {
                throw Checks.fail("hidden_dims must list at least one layer size, got none");
            }
            for (int h : hiddenDims) {
                Checks.atLeast("hidden_dims entry", h, 1);
            }
            Checks.notNull("critic_type", criticType);
            if (negSamples < -1) {
                throw Checks.fail("neg_samples must be -1, 0 or positive, got %d", negSamples);
            }
            Checks.positive("tau", tau);
            if (!(gamma >= 0 && gamma < 1)) {
                throw Checks.fail("gamma must be in [0, 1), got %s", gamma);
            }
            Checks.inOpenRange("alpha", alpha, 0, 1);
            if (!device.equals("cpu") && !device.equals("gpu") && !device.equals("auto")) {
                throw Checks.fail("device must be cpu, gpu or auto, got '%s'", device);
            }
            if (bound == Bound.ALPHA_TUBA && criticType == CriticType.JOINT && negSamples > 0) {
                // fine: the interpolation uses the sampled negatives
                Checks.atLeast("neg_samples", negSamples, 1);
            }
            Checks.notNull("activation", activation);
            Checks.notNull("init", init);
            Checks.notNull("baseline", baseline);
            Checks.finite("baseline_value", baselineValue);
            Checks.atLeast("folds", folds, 1);
            return new DiscriminativeConfig(bound, hiddenDims, criticType, negSamples, tau, gamma, alpha, device,
                    Checks.notNull("train", train), activation, init, baseline, baselineValue, standardize, folds);
        }
    }
}
