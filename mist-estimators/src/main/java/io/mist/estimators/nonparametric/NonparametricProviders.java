package io.mist.estimators.nonparametric;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.DataKind;
import io.mist.registry.OptionSchema;

/**
 * Registry entries of the classical estimators defined in this package: each is generated from its
 * config's {@code SCHEMA} by {@link ConfigProvider}.
 */
public final class NonparametricProviders {
    /** The family name in {@code mist list}. */
    static final String FAMILY = "nonparametric";

    private NonparametricProviders() {
    }

    /** {@code "gaussian"}: {@link GaussianEstimator} (no options). */
    public static final class Gaussian extends ConfigProvider<Long> {
        /** The provider. */
        public Gaussian() {
            super(GaussianEstimator.NAME, FAMILY,
                    "MI of the fitted Gaussian (log-determinants); exact for Gaussian data, analytic error and p-value",
                    Capabilities.continuous().withConditional(), OptionSchema::of, o -> o.seed(),
                    (seed, o) -> new GaussianEstimator(seed));
        }
    }

    /** {@code "discrete"}: {@link DiscreteEstimator}. */
    public static final class Discrete extends ConfigProvider<DiscreteConfig.Builder> {
        /** The provider. */
        public Discrete() {
            super(DiscreteEstimator.NAME, FAMILY,
                    "plug-in MI of integer-coded variables with the Miller-Madow bias correction",
                    Capabilities.continuous().withPointwise().withInputs(DataKind.DISCRETE),
                    () -> DiscreteConfig.SCHEMA,
                    o -> DiscreteConfig.builder().seed(o.seed()), (b, o) -> new DiscreteEstimator(b.build()));
        }
    }

    /** {@code "ksg"}: {@link KsgEstimator}. */
    public static final class Ksg extends ConfigProvider<KsgConfig.Builder> {
        /** The provider. */
        public Ksg() {
            super(KsgEstimator.NAME, FAMILY,
                    "Kraskov-Stoegbauer-Grassberger k-NN estimator (algorithms 1 and 2, conditional MI), max-norm",
                    Capabilities.continuous().withConditional().withPointwise(), () -> KsgConfig.SCHEMA,
                    o -> KsgConfig.builder().seed(o.seed()), (b, o) -> new KsgEstimator(b.build()));
        }
    }

    /** {@code "ksg-mixed"}: {@link MixedKsgEstimator}. */
    public static final class KsgMixed extends ConfigProvider<MixedKsgConfig.Builder> {
        /** The provider. */
        public KsgMixed() {
            super(MixedKsgEstimator.NAME, FAMILY,
                    "k-NN MI for discrete/continuous mixtures (Gao et al. 2017) and labels vs continuous (Ross 2014)",
                    Capabilities.continuous().withPointwise().withInputs(DataKind.CONTINUOUS, DataKind.DISCRETE,
                            DataKind.MIXED),
                    () -> MixedKsgConfig.SCHEMA, o -> MixedKsgConfig.builder().seed(o.seed()),
                    (b, o) -> new MixedKsgEstimator(b.build()));
        }
    }

    /** {@code "histogram"}: {@link HistogramEstimator}. */
    public static final class Histogram extends ConfigProvider<HistogramConfig.Builder> {
        /** The provider. */
        public Histogram() {
            super(HistogramEstimator.NAME, FAMILY,
                    "plug-in MI of a joint histogram (bin rules auto/fd/sturges/sqrt/N, equal-width or quantile)",
                    Capabilities.continuous().withPointwise(), () -> HistogramConfig.SCHEMA,
                    o -> HistogramConfig.builder().seed(o.seed()), (b, o) -> new HistogramEstimator(b.build()));
        }

        @Override
        public boolean supports(DataKind kind, int dx, int dy) {
            return kind == DataKind.CONTINUOUS && dx + dy <= 4;
        }
    }
}
