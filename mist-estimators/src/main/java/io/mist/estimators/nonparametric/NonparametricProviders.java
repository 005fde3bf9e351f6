package io.mist.estimators.nonparametric;

import io.mist.core.MutualInformationEstimator;
import io.mist.registry.DataKind;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.OptionSpec;

import java.util.List;

/** Registry entries of the classical estimators defined in this package. */
public final class NonparametricProviders {
    private NonparametricProviders() {
    }

    /** {@code "gaussian"}: {@link GaussianEstimator}. */
    public static final class Gaussian implements EstimatorProvider {
        @Override
        public String name() {
            return GaussianEstimator.NAME;
        }

        @Override
        public String description() {
            return "MI of the fitted Gaussian (log-determinants); exact for Gaussian data, analytic error and p-value";
        }

        @Override
        public String family() {
            return "nonparametric";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            return new GaussianEstimator(options.seed());
        }

        @Override
        public boolean supportsConditional() {
            return true;
        }
    }

    /** {@code "discrete"}: {@link DiscreteEstimator}. */
    public static final class Discrete implements EstimatorProvider {
        @Override
        public String name() {
            return DiscreteEstimator.NAME;
        }

        @Override
        public String description() {
            return "plug-in MI of integer-coded variables with the Miller-Madow bias correction";
        }

        @Override
        public String family() {
            return "nonparametric";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.ofBoolean("miller_madow", true, "add the Miller-Madow bias correction"));
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            return new DiscreteEstimator(options.getBoolean("miller_madow"), options.seed());
        }

        @Override
        public boolean supports(DataKind kind, int dx, int dy) {
            return kind == DataKind.DISCRETE;
        }
    }

    /** 0 means all cores. */
    static int threads(EstimatorOptions options) {
        int t = options.getInt("threads");
        if (t < 0) {
            throw options.invalid("threads", "must be >= 0 (0 = all cores), got " + t);
        }
        return t == 0 ? Runtime.getRuntime().availableProcessors() : t;
    }

    static OptionSpec threadsOption() {
        return OptionSpec.ofInt("threads", 0, "worker threads of the call-local pool (0 = all cores)");
    }

    /** {@code "ksg"}: {@link KsgEstimator}. */
    public static final class Ksg implements EstimatorProvider {
        @Override
        public String name() {
            return KsgEstimator.NAME;
        }

        @Override
        public String description() {
            return "Kraskov-Stoegbauer-Grassberger k-NN estimator (algorithms 1 and 2, conditional MI), max-norm";
        }

        @Override
        public String family() {
            return "nonparametric";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.ofInt("k", 3, "neighbours in the joint space"),
                    OptionSpec.ofChoice("algorithm", "1", "KSG algorithm (Kraskov et al. 2004, eq. 8 or 9)", "1", "2"),
                    OptionSpec.ofBoolean("standardize", true, "scale each column to unit variance first"),
                    OptionSpec.ofDouble("noise", 1e-10,
                            "tie-breaking uniform noise in standard deviations of each column (0 disables)"),
                    threadsOption());
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            try {
                return new KsgEstimator(KsgConfig.builder().k(options.getInt("k"))
                        .algorithm(Integer.parseInt(options.getString("algorithm")))
                        .standardize(options.getBoolean("standardize")).noise(options.getDouble("noise"))
                        .threads(threads(options)).seed(options.seed()).build());
            } catch (IllegalArgumentException e) {
                throw options.invalid(e.getMessage().split(" ")[0], e.getMessage());
            }
        }

        @Override
        public boolean supportsConditional() {
            return true;
        }
    }

    /** {@code "ksg-mixed"}: {@link MixedKsgEstimator}. */
    public static final class KsgMixed implements EstimatorProvider {
        @Override
        public String name() {
            return MixedKsgEstimator.NAME;
        }

        @Override
        public String description() {
            return "k-NN MI for discrete/continuous mixtures (Gao et al. 2017) and labels vs continuous (Ross 2014)";
        }

        @Override
        public String family() {
            return "nonparametric";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.ofInt("k", 3, "neighbour order"),
                    OptionSpec.ofChoice("method", "auto", "auto (Ross for one discrete label, else Gao), gao or ross",
                            "auto", "gao", "ross"),
                    OptionSpec.ofBoolean("standardize", true, "scale each column to unit variance first"),
                    threadsOption());
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            try {
                return new MixedKsgEstimator(new MixedKsgConfig(options.getInt("k"),
                        MixedKsgConfig.Method.valueOf(options.getString("method").toUpperCase(java.util.Locale.ROOT)),
                        options.getBoolean("standardize"), threads(options), options.seed()));
            } catch (IllegalArgumentException e) {
                throw options.invalid(e.getMessage().split(" ")[0], e.getMessage());
            }
        }

        @Override
        public boolean supports(DataKind kind, int dx, int dy) {
            return true;
        }
    }

    /** {@code "histogram"}: {@link HistogramEstimator}. */
    public static final class Histogram implements EstimatorProvider {
        @Override
        public String name() {
            return HistogramEstimator.NAME;
        }

        @Override
        public String description() {
            return "plug-in MI of a joint histogram (bin rules auto/fd/sturges/sqrt/N, equal-width or quantile)";
        }

        @Override
        public String family() {
            return "nonparametric";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.ofString("bins", "auto", "bins per column: auto, fd, sturges, sqrt or a number"),
                    OptionSpec.ofBoolean("quantile", false, "equal-frequency bins instead of equal-width"),
                    OptionSpec.ofBoolean("miller_madow", true, "add the Miller-Madow bias correction"));
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            try {
                return new HistogramEstimator(new HistogramConfig(options.getString("bins"),
                        options.getBoolean("quantile"), options.getBoolean("miller_madow"), options.seed()));
            } catch (IllegalArgumentException e) {
                throw options.invalid("bins", e.getMessage());
            }
        }

        @Override
        public boolean supports(DataKind kind, int dx, int dy) {
            return kind == DataKind.CONTINUOUS && dx + dy <= 4;
        }
    }
}
