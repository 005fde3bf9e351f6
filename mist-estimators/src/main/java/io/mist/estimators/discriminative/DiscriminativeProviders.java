package io.mist.estimators.discriminative;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.EstimatorOptions;
import io.mist.train.TrainListener;

import java.util.Map;

/**
 * Registry entries of the discriminative estimators, generated from {@link DiscriminativeConfig#schema(Bound)}
 * (torch_mist's option names). The seed of the request becomes the training seed (the one seed of a fit);
 * listeners of the request ({@link EstimatorOptions#listeners()}) receive training progress.
 */
public final class DiscriminativeProviders {
    private DiscriminativeProviders() {
    }

    /** Shared provider logic; one subclass per name. */
    abstract static class Base extends ConfigProvider<DiscriminativeConfig.Builder> {
        Base(Bound bound, String description) {
            super(bound.id(), "discriminative", description,
                    Capabilities.continuous().withTraining().withPointwise().withBound(bound.boundType()),
                    () -> DiscriminativeConfig.schema(bound),
                    o -> start(bound, o), (b, o) -> new DiscriminativeEstimator(aliases(b, o).build()));
        }

        /** mine's {@code beta}, the notebook's name of {@code gamma}: either may be given, not both. */
        private static DiscriminativeConfig.Builder aliases(DiscriminativeConfig.Builder b, EstimatorOptions o) {
            if (o.isGiven(DiscriminativeConfig.BETA)) {
                if (o.isGiven("gamma")) {
                    throw io.mist.core.internal.Checks.invalid(DiscriminativeConfig.BETA, "beta is the notebook's "
                            + "name of gamma; give one of them, not both");
                }
                double beta = o.getDouble(DiscriminativeConfig.BETA);
                if (!(beta >= 0 && beta < 1)) {
                    throw io.mist.core.internal.Checks.invalid(DiscriminativeConfig.BETA, "beta must be in [0, 1), "
                            + "got %s", beta);
                }
                b.gamma(beta);
            }
            return b;
        }

        private static DiscriminativeConfig.Builder start(Bound bound, EstimatorOptions o) {
            DiscriminativeConfig.Builder b = DiscriminativeConfig.builder(bound);
            b.train().seed(o.seed());
            o.listeners().forEach(l -> b.train().listener(TrainListener.of(l)));
            return b;
        }

        @Override
        public Map<String, String> demoOptions() {
            return Map.of("max_iterations", "300");
        }
    }

    /** {@code "mi-nee"}: {@link MineeEstimator}. */
    public static final class MiNee extends ConfigProvider<MineeConfig.Builder> {
        /** The provider. */
        public MiNee() {
            super(MineeConfig.NAME, "discriminative", "MI-NEE: three Donsker-Varadhan divergences to fitted "
                    + "Gaussian (or uniform) references, I = D_XY - D_X - D_Y",
                    Capabilities.continuous().withTraining().withPointwise(), () -> MineeConfig.SCHEMA, o -> {
                        MineeConfig.Builder b = MineeConfig.builder();
                        b.critics().train().seed(o.seed());
                        o.listeners().forEach(l -> b.critics().train().listener(TrainListener.of(l)));
                        return b;
                    }, (b, o) -> new MineeEstimator(b.build()));
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

    /** {@code "dv"}. */
    public static final class Dv extends Base {
        /** The provider. */
        public Dv() {
            super(Bound.DV, "plain Donsker-Varadhan bound (MINE without the moving-average correction)");
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
            super(Bound.SMILE, "SMILE: JS-trained critic, clipped Donsker-Varadhan value (the default)");
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
