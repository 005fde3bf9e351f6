package io.mist.estimators.discriminative;

import io.mist.core.MutualInformationEstimator;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.OptionSpec;
import io.mist.train.ConsoleProgressBar;
import io.mist.train.TrainConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registry entries of the discriminative estimators, with torch_mist's option names: {@code hidden_dims},
 * {@code batch_size}, {@code max_iterations}, {@code max_epochs} (0 = no epoch limit), {@code lr},
 * {@code valid_percentage}, {@code early_stopping}, {@code patience}, {@code tolerance},
 * {@code neg_samples}, {@code critic_type}, {@code activation}, {@code init}, {@code device}, and per estimator
 * {@code tau} (smile), {@code gamma} (mine), {@code alpha} (alpha-tuba), {@code baseline} and
 * {@code baseline_value} (tuba, alpha-tuba).
 */
public final class DiscriminativeProviders {
    /** The option that attaches a console progress bar (the CLI sets it on a console). */
    public static final String PROGRESS = "progress";

    private DiscriminativeProviders() {
    }

    /** Shared provider logic; one subclass per name. */
    abstract static class Base implements EstimatorProvider {
        private final Bound bound;
        private final String description;

        Base(Bound bound, String description) {
            this.bound = bound;
            this.description = description;
        }

        @Override
        public String name() {
            return bound.id();
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String family() {
            return "discriminative";
        }

        @Override
        public List<OptionSpec> options() {
            List<OptionSpec> o = new ArrayList<>();
            o.add(OptionSpec.ofIntList("hidden_dims", "64,64", "hidden layer sizes of the critic (and baseline)"));
            o.add(OptionSpec.ofInt("batch_size", 128, "training and evaluation batch size"));
            o.add(OptionSpec.ofInt("max_iterations", TrainConfig.DEFAULT_MAX_ITERATIONS, "training iterations"));
            o.add(OptionSpec.ofInt("max_epochs", 0, "epoch limit (0 = none)"));
            o.add(OptionSpec.ofDouble("lr", 5e-4, "Adam learning rate"));
            o.add(OptionSpec.ofDouble("valid_percentage", 0.1, "fraction held out for validation and the value"));
            o.add(OptionSpec.ofBoolean("early_stopping", true, "stop when validation stops improving; restore best"));
            o.add(OptionSpec.ofInt("patience", DiscriminativeConfig.DEFAULT_PATIENCE,
                    "evaluations (one per epoch) without improvement before stopping"));
            o.add(OptionSpec.ofDouble("tolerance", 1e-3, "smallest improvement that counts (nats)"));
            o.add(OptionSpec.ofInt("neg_samples", bound.defaultNegSamples(),
                    "negatives per positive: k > 0, 0 = whole batch, -1 = all but the positive"));
            o.add(OptionSpec.ofChoice("critic_type", bound.defaultCritic().name().toLowerCase(Locale.ROOT),
                    "joint f([x,y]) or separable g(x)^T h(y)", "joint", "separable"));
            o.add(OptionSpec.ofChoice("activation", Nonlinearity.RELU.id(), "activation between hidden layers",
                    Nonlinearity.ids()));
            o.add(OptionSpec.ofChoice("init", Init.DEFAULT.id(),
                    "weight initialisation (default = PyTorch's nn.Linear; biases always PyTorch's default)",
                    Init.ids()));
            if (bound.needsBaseline()) {
                o.add(OptionSpec.ofChoice("baseline", BaselineType.MLP.id(),
                        "baseline: network b(x), constant, learnable scalar, or log-mean-exp of the negatives",
                        BaselineType.ids()));
                o.add(OptionSpec.ofDouble("baseline_value", 1, "value of the constant baseline"));
            }
            if (bound == Bound.SMILE) {
                o.add(OptionSpec.ofDouble("tau", 5, "clip of the negatives' scores in the partition term"));
            }
            if (bound == Bound.MINE) {
                o.add(OptionSpec.ofDouble("gamma", 0.9, "EMA decay of the partition function"));
            }
            if (bound == Bound.ALPHA_TUBA) {
                o.add(OptionSpec.ofDouble("alpha", 0.01, "weight of the InfoNCE baseline"));
            }
            o.add(OptionSpec.ofBoolean("standardize", DiscriminativeConfig.DEFAULT_STANDARDIZE,
                    "standardise each column with the training rows' mean and standard deviation"));
            o.add(OptionSpec.ofInt("folds", DiscriminativeConfig.DEFAULT_FOLDS,
                    "cross-fitting folds: value and standard error on all rows, each from a critic that never saw "
                            + "it (1 = one fit, value on the validation split)"));
            o.add(OptionSpec.ofChoice("device", "auto", "cpu, gpu or auto (gpu when present)", "cpu", "gpu",
                    "auto"));
            o.add(OptionSpec.ofBoolean(PROGRESS, false, "show a training progress bar on standard error"));
            return o;
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            return new DiscriminativeEstimator(config(options), options.seed());
        }

        DiscriminativeConfig config(EstimatorOptions o) {
            TrainConfig.Builder t = TrainConfig.builder().batchSize(o.getInt("batch_size"))
                    .maxIterations(o.getInt("max_iterations")).learningRate(o.getDouble("lr"))
                    .validFraction(o.getDouble("valid_percentage")).earlyStopping(o.getBoolean("early_stopping"))
                    .patience(o.getInt("patience")).tolerance(o.getDouble("tolerance")).seed(o.seed());
            if (o.getBoolean(PROGRESS)) {
                t.listener(ConsoleProgressBar.toStandardError());
            }
            if (o.getInt("max_epochs") != 0) {
                t.maxEpochs(o.getInt("max_epochs"));
            }
            DiscriminativeConfig.Builder b = DiscriminativeConfig.builder(bound).hiddenDims(o.getIntList("hidden_dims"))
                    .negSamples(o.getInt("neg_samples"))
                    .criticType(CriticType.valueOf(o.getString("critic_type").toUpperCase(Locale.ROOT)))
                    .device(o.getString("device")).activation(Nonlinearity.of(o.getString("activation")))
                    .init(Init.of(o.getString("init"))).standardize(o.getBoolean("standardize"))
                    .folds(o.getInt("folds"));
            if (bound.needsBaseline()) {
                b.baseline(BaselineType.of(o.getString("baseline"))).baselineValue(o.getDouble("baseline_value"));
            }
            if (bound == Bound.SMILE) {
                b.tau(o.getDouble("tau"));
            }
            if (bound == Bound.MINE) {
                b.gamma(o.getDouble("gamma"));
            }
            if (bound == Bound.ALPHA_TUBA) {
                b.alpha(o.getDouble("alpha"));
            }
            try {
                return b.train(t.build()).build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("estimator '" + bound.id() + "': " + e.getMessage(), e);
            }
        }

        @Override
        public Map<String, String> demoOptions() {
            return Map.of("max_iterations", "300");
        }
    }

    /** {@code "nwj"}. */
    public static final class Nwj extends Base {
        /** The provider. */
        public Nwj() {
            super(Bound.NWJ, "NWJ f-divergence lower bound (joint critic)");
        }
    }

    /** {@code "mine"}. */
    public static final class Mine extends Base {
        /** The provider. */
        public Mine() {
            super(Bound.MINE, "MINE: Donsker-Varadhan bound with the EMA-corrected gradient");
        }
    }

    /** {@code "infonce"}. */
    public static final class InfoNce extends Base {
        /** The provider. */
        public InfoNce() {
            super(Bound.INFONCE, "InfoNCE contrastive lower bound (separable critic, at most log(batch_size))");
        }
    }

    /** {@code "tuba"}. */
    public static final class Tuba extends Base {
        /** The provider. */
        public Tuba() {
            super(Bound.TUBA, "TUBA lower bound with a learned baseline b(x)");
        }
    }

    /** {@code "alpha-tuba"}. */
    public static final class AlphaTuba extends Base {
        /** The provider. */
        public AlphaTuba() {
            super(Bound.ALPHA_TUBA, "alpha-TUBA: interpolation of InfoNCE and TUBA");
        }
    }

    /** {@code "js"}. */
    public static final class Js extends Base {
        /** The provider. */
        public Js() {
            super(Bound.JS, "Jensen-Shannon-trained critic, NWJ value reported");
        }
    }

    /** {@code "smile"}. */
    public static final class Smile extends Base {
        /** The provider. */
        public Smile() {
            super(Bound.SMILE, "SMILE: JS-trained critic, clipped Donsker-Varadhan value");
        }
    }

    /** {@code "flo"}. */
    public static final class Flo extends Base {
        /** The provider. */
        public Flo() {
            super(Bound.FLO, "FLO: Fenchel-Legendre optimisation lower bound");
        }
    }
}
