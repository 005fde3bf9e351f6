package io.mist.registry;

import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.testing.MeanProductEstimator;

import java.util.List;

/**
 * Providers for registry tests. They are never listed in a {@code META-INF/services} file on a class path
 * (the mist-core test-jar is on other modules' test class paths); tests load them through a class loader
 * that sees only a services file written for the test.
 */
public final class TestProviders {
    private TestProviders() {
    }

    /** {@code alpha-test}: options of every type. */
    public static final class Alpha implements EstimatorProvider {
        /** Service constructor. */
        public Alpha() {
        }

        @Override
        public String name() {
            return "alpha-test";
        }

        @Override
        public String description() {
            return "test provider with options";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of(OptionSpec.ofInt("k", 3, "neighbours"), OptionSpec.ofDouble("offset", 0.0, "added"),
                    OptionSpec.ofChoice("scheme", "bootstrap", "resampling", "bootstrap", "subsampling"),
                    OptionSpec.ofBoolean("flag", false, "a flag"));
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            if (options.getInt("k") < 1) {
                throw new io.mist.core.InvalidOptionException("k", "option 'k' of estimator 'alpha-test': must be at "
                        + "least 1, got " + options.getInt("k"));
            }
            ResamplingScheme scheme = options.getString("scheme").equals("bootstrap") ? ResamplingScheme.BOOTSTRAP
                    : ResamplingScheme.SUBSAMPLING;
            return new MeanProductEstimator(scheme, options.getDouble("offset"), options.seed());
        }
    }

    /** {@code beta-test}: no options. */
    public static final class Beta implements EstimatorProvider {
        /** Service constructor. */
        public Beta() {
        }

        @Override
        public String name() {
            return "beta-test";
        }

        @Override
        public String description() {
            return "test provider without options";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            return new MeanProductEstimator(ResamplingScheme.BOOTSTRAP, 0, options.seed());
        }
    }

    /** A second provider named {@code alpha-test}. */
    public static final class AlphaAgain implements EstimatorProvider {
        /** Service constructor. */
        public AlphaAgain() {
        }

        @Override
        public String name() {
            return "alpha-test";
        }

        @Override
        public String description() {
            return "duplicate";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    /** A provider whose name is not lower case. */
    public static final class MixedCase implements EstimatorProvider {
        /** Service constructor. */
        public MixedCase() {
        }

        @Override
        public String name() {
            return "Mixed-Test";
        }

        @Override
        public String description() {
            return "invalid name";
        }

        @Override
        public String family() {
            return "test";
        }

        @Override
        public List<OptionSpec> options() {
            return List.of();
        }

        @Override
        public MutualInformationEstimator create(EstimatorOptions options) {
            throw new UnsupportedOperationException();
        }
    }
}
