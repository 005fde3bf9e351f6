package io.mist.estimators.nonparametric;

import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intOption;
import static io.mist.registry.OptionSchema.threadsOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link KozachenkoLeonenkoEstimator}, validated on construction; options described once in
 * {@link #SCHEMA}.
 *
 * @param k neighbour order (option {@code k}; default {@link KsgConfig#DEFAULT_K})
 * @param noise half-width of the uniform tie-breaking noise in standard deviations (option {@code noise};
 *     default {@link KsgConfig#DEFAULT_NOISE}; 0 disables)
 * @param threads worker threads (option {@code threads}; 0 = all cores, resolved here)
 * @param seed seed of the noise
 */
public record KlEntropyConfig(int k, double noise, int threads, long seed) {
    /** The options of {@code entropy-kl}. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            intOption("k", KsgConfig.DEFAULT_K, "neighbour order", Builder::k),
            doubleOption("noise", KsgConfig.DEFAULT_NOISE,
                    "tie-breaking uniform noise in standard deviations (0 disables)", Builder::noise),
            threadsOption(Builder::threads));

    /** Validates the settings and resolves {@code threads = 0} to all cores. */
    public KlEntropyConfig {
        Checks.atLeast("k", k, 1);
        Checks.nonNegative("noise", noise);
        threads = Checks.threads("threads", threads);
    }

    /** The defaults. */
    public static KlEntropyConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private int k = KsgConfig.DEFAULT_K;
        private double noise = KsgConfig.DEFAULT_NOISE;
        private int threads = OptionSchema.ALL_CORES;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** Neighbour order. */
        public Builder k(int v) {
            this.k = v;
            return this;
        }

        /** Tie-breaking noise in standard deviations (0 disables). */
        public Builder noise(double v) {
            this.noise = v;
            return this;
        }

        /** Worker threads (0 = all cores). */
        public Builder threads(int v) {
            this.threads = v;
            return this;
        }

        /** Noise seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The validated config. */
        public KlEntropyConfig build() {
            return new KlEntropyConfig(k, noise, threads, seed);
        }
    }
}
