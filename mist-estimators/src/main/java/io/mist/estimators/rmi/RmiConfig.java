package io.mist.estimators.rmi;

import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of {@link RmiEstimator}, validated on construction; options described once in {@link #SCHEMA}.
 *
 * @param entropy how {@code H(y)} is estimated (option {@code entropy}; default {@code histogram})
 * @param bins histogram bins per feature axis (option {@code bins}; default {@value #DEFAULT_BINS}, the
 *     original's)
 * @param range histogram range of every feature axis (option {@code range}, {@code lo,hi}; default empty: each
 *     axis's data range, as the original)
 * @param k neighbour order of {@code entropy=kl} (option {@code k}; default {@link KsgConfig#DEFAULT_K})
 * @param maxSingularFraction largest tolerated fraction of samples whose {@code J J^T} is singular (option
 *     {@code max_singular_fraction}; default {@value #DEFAULT_MAX_SINGULAR_FRACTION}); those samples are left
 *     out of the log-determinant mean and counted in the diagnostics, and more of them fail the estimate
 * @param jacobian a {@code .npy} file of the Jacobians {@code [n, dy, dx]} for the registry's
 *     {@code estimate(x, y)} (option {@code jacobian}; default none); the Java API passes Jacobians directly
 * @param replicates bootstrap resamples of the (feature, Jacobian) pairs for the standard error (0: the
 *     delta-method error of the histogram estimate); set from {@code EstimateMI}'s {@code bootstrap(B)}
 * @param seed seed of the bootstrap and of the k-NN tie-breaking noise
 */
public record RmiConfig(EntropyMethod entropy, int bins, Optional<Range> range, int k, double maxSingularFraction,
        Optional<Path> jacobian, int replicates, long seed) {
    /** Default histogram bins per axis (the original's). */
    public static final int DEFAULT_BINS = 180;
    /** Default of {@code max_singular_fraction}: at most 1% of the samples may have a singular {@code J J^T}. */
    public static final double DEFAULT_MAX_SINGULAR_FRACTION = 0.01;
    /** Default entropy method. */
    public static final EntropyMethod DEFAULT_ENTROPY = EntropyMethod.HISTOGRAM;

    /** The options of {@code rmi}. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            new OptionSchema.Binding<Builder>(OptionSpec.ofString("jacobian", "",
                    "a .npy file of the feature's Jacobians, shape [n, dy, dx] (n, dx of --x; dy of --y)"),
                    (b, v) -> b.jacobian(((String) v).isEmpty() ? Optional.empty() : Optional.of(Path.of((String) v)))),
            choiceOption("entropy", DEFAULT_ENTROPY, "entropy of the feature: histogram (1-D, 2-D) or kl (k-NN)",
                    Builder::entropy),
            intOption("bins", DEFAULT_BINS, "histogram bins per feature axis", Builder::bins),
            new OptionSchema.Binding<Builder>(OptionSpec.ofString("range", "",
                    "histogram range lo,hi of every feature axis (empty: each axis's data range)"),
                    (b, v) -> b.range(Range.parse((String) v))),
            intOption("k", KsgConfig.DEFAULT_K, "neighbour order of entropy=kl", Builder::k),
            doubleOption("max_singular_fraction", DEFAULT_MAX_SINGULAR_FRACTION,
                    "largest fraction of samples with a singular J J^T (left out and reported) before failing",
                    Builder::maxSingularFraction));

    /** Validates the settings. */
    public RmiConfig {
        Checks.notNull("entropy", entropy);
        Checks.atLeast("bins", bins, 1);
        Checks.notNull("range", range);
        Checks.atLeast("k", k, 1);
        Checks.inRange("max_singular_fraction", maxSingularFraction, 0, 1);
        Checks.notNull("jacobian", jacobian);
        if (jacobian.isPresent() && !Files.isRegularFile(jacobian.get())) {
            throw Checks.invalid("jacobian", "jacobian: file %s does not exist; give a .npy file of shape "
                    + "[n, dy, dx]", jacobian.get());
        }
        Checks.atLeast("bootstrap", replicates, 0);
    }

    /** The defaults. */
    public static RmiConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A histogram range {@code [lo, hi]} applied to every feature axis.
     *
     * @param lo lower edge
     * @param hi upper edge, above {@code lo}
     */
    public record Range(double lo, double hi) {
        /** Validates: finite, {@code lo < hi}. */
        public Range {
            if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
                throw Checks.invalid("range", "range must be two finite numbers lo,hi with lo < hi, got %s,%s", lo,
                        hi);
            }
        }

        /**
         * Parses {@code lo,hi}; empty text means no range (the data's).
         *
         * @throws io.mist.core.InvalidOptionException naming {@code range}
         */
        public static Optional<Range> parse(String text) {
            String t = text == null ? "" : text.trim();
            if (t.isEmpty()) {
                return Optional.empty();
            }
            String[] parts = t.split(",");
            try {
                if (parts.length == 2) {
                    return Optional.of(new Range(Double.parseDouble(parts[0].trim()),
                            Double.parseDouble(parts[1].trim())));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw Checks.invalid("range", "range must be lo,hi (two numbers, e.g. range=-5,5) or empty, got '%s'",
                    text);
        }
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private EntropyMethod entropy = DEFAULT_ENTROPY;
        private int bins = DEFAULT_BINS;
        private Optional<Range> range = Optional.empty();
        private int k = KsgConfig.DEFAULT_K;
        private double maxSingularFraction = DEFAULT_MAX_SINGULAR_FRACTION;
        private Optional<Path> jacobian = Optional.empty();
        private int replicates;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** The entropy method. */
        public Builder entropy(EntropyMethod v) {
            this.entropy = v;
            return this;
        }

        /** Histogram bins per axis. */
        public Builder bins(int v) {
            this.bins = v;
            return this;
        }

        /** Histogram range of every axis (empty: the data's). */
        public Builder range(Optional<Range> v) {
            this.range = v;
            return this;
        }

        /** Neighbour order of the k-NN entropy. */
        public Builder k(int v) {
            this.k = v;
            return this;
        }

        /** Largest tolerated fraction of singular samples. */
        public Builder maxSingularFraction(double v) {
            this.maxSingularFraction = v;
            return this;
        }

        /** The Jacobian file read by {@code estimate(x, y)}. */
        public Builder jacobian(Optional<Path> v) {
            this.jacobian = v;
            return this;
        }

        /** Bootstrap resamples for the standard error (0: delta method). */
        public Builder replicates(int v) {
            this.replicates = v;
            return this;
        }

        /** The seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The validated config. */
        public RmiConfig build() {
            return new RmiConfig(entropy, bins, range, k, maxSingularFraction, jacobian, replicates, seed);
        }
    }
}
