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
}
