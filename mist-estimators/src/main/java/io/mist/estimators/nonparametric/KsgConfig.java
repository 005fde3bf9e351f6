package io.mist.estimators.nonparametric;

import io.mist.core.Checks;
import io.mist.core.Seeds;

/**
 * Settings of {@link KsgEstimator}.
 *
 * @param k neighbours in the joint space (at least 1; default 3)
 * @param algorithm 1 or 2, the two estimators of Kraskov et al. 2004 (default 1)
 * @param standardize scale each column to unit variance first (default true)
 * @param noise half-width of the uniform tie-breaking noise in units of each column's standard deviation
 *     (default 1e-10; 0 disables)
 * @param threads worker threads of the call-local pool (default: all cores)
 * @param seed seed of the tie-breaking noise
 */
public record KsgConfig(int k, int algorithm, boolean standardize, double noise, int threads, long seed) {
    /** Validates the settings. */
    public KsgConfig {
        Checks.atLeast("k", k, 1);
        if (algorithm != 1 && algorithm != 2) {
            throw Checks.fail("algorithm must be 1 or 2, got %d", algorithm);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw Checks.fail("noise must be finite and >= 0, got %s", noise);
        }
        Checks.atLeast("threads", threads, 1);
    }

    /** The defaults: k 3, algorithm 1, standardized, noise 1e-10, all cores, the default seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults of {@link #builder()}; validation happens in {@link #build()}. */
    public static final class Builder {
        private int k = 3;
        private int algorithm = 1;
        private boolean standardize = true;
        private double noise = 1e-10;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** Neighbours in the joint space. */
        public Builder k(int v) {
            this.k = v;
            return this;
        }

        /** 1 or 2. */
        public Builder algorithm(int v) {
            this.algorithm = v;
            return this;
        }

        /** Scale columns to unit variance. */
        public Builder standardize(boolean v) {
            this.standardize = v;
            return this;
        }

        /** Tie-breaking noise in standard deviations (0 disables). */
        public Builder noise(double v) {
            this.noise = v;
            return this;
        }

        /** Worker threads. */
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
        public KsgConfig build() {
            return new KsgConfig(k, algorithm, standardize, noise, threads, seed);
        }
    }
}
