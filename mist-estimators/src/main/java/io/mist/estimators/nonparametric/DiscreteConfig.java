package io.mist.estimators.nonparametric;

import static io.mist.registry.OptionSchema.booleanOption;

import io.mist.core.internal.Seeds;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link DiscreteEstimator}; options described once in {@link #SCHEMA}.
 *
 * @param millerMadow add the Miller-Madow bias correction (option {@code miller_madow}; default true)
 * @param seed recorded seed (the estimator is deterministic)
 */
public record DiscreteConfig(boolean millerMadow, long seed) {
    /** Default of {@code miller_madow} for the plug-in estimators (discrete and histogram). */
    public static final boolean DEFAULT_MILLER_MADOW = true;

    /** The options of {@code discrete}. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(booleanOption("miller_madow",
            DEFAULT_MILLER_MADOW, "add the Miller-Madow bias correction", Builder::millerMadow));

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the constructor. */
    public static final class Builder {
        private boolean millerMadow = DEFAULT_MILLER_MADOW;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** The Miller-Madow correction. */
        public Builder millerMadow(boolean v) {
            this.millerMadow = v;
            return this;
        }

        /** The recorded seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The config. */
        public DiscreteConfig build() {
            return new DiscreteConfig(millerMadow, seed);
        }
    }
}
