package io.mist.estimators.nonparametric;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intOption;
import static io.mist.registry.OptionSchema.threadsOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link KsgEstimator}, validated on construction (the builder only calls the constructor).
 * The options, with their defaults, are described once in {@link #SCHEMA}.
 *
 * @param k neighbours in the joint space (option {@code k}, at least 1; default {@value #DEFAULT_K})
 * @param algorithm the estimator of Kraskov et al. 2004 (option {@code algorithm}: 1 or 2; default 1)
 * @param standardize scale each column to unit variance first (option {@code standardize}; default true)
 * @param noise half-width of the uniform tie-breaking noise in units of each column's standard deviation
 *     (option {@code noise}; default {@value #DEFAULT_NOISE}; 0 disables)
 * @param threads worker threads of the call-local pool (option {@code threads}; 0 = all cores, resolved here)
 * @param seed seed of the tie-breaking noise
 */
public record KsgConfig(int k, Algorithm algorithm, boolean standardize, double noise, int threads, long seed) {
    /** Default neighbour order of every k-NN estimator (KSG, mixed KSG, Kozachenko-Leonenko). */
    public static final int DEFAULT_K = 3;
    /** Default tie-breaking noise of every k-NN estimator, in standard deviations. */
    public static final double DEFAULT_NOISE = 1e-10;
    /** Default algorithm. */
    public static final Algorithm DEFAULT_ALGORITHM = Algorithm.ONE;
    /** Default of {@code standardize}. */
    public static final boolean DEFAULT_STANDARDIZE = true;

    /** The options of {@code ksg}: name as typed, type, default, doc, and the setter each value goes to. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            intOption("k", DEFAULT_K, "neighbours in the joint space", Builder::k),
            choiceOption("algorithm", DEFAULT_ALGORITHM, "KSG algorithm (Kraskov et al. 2004, eq. 8 or 9)",
                    Algorithm::label, Builder::algorithm),
            booleanOption("standardize", DEFAULT_STANDARDIZE, "scale each column to unit variance first",
                    Builder::standardize),
            doubleOption("noise", DEFAULT_NOISE,
                    "tie-breaking uniform noise in standard deviations of each column (0 disables)", Builder::noise),
            threadsOption(Builder::threads));

    /** The two estimators of Kraskov, Stoegbauer and Grassberger 2004. */
    public enum Algorithm {
        /** Eq. 8: one max-norm ball in the joint space, strict counts in the marginals. */
        ONE,
        /** Eq. 9: a rectangle from the k-th neighbour's per-variable distances, inclusive counts. */
        TWO;

        /** The number as written in the paper and the option ({@code 1} or {@code 2}). */
        public int number() {
            return ordinal() + 1;
        }

        /** The option spelling. */
        public String label() {
            return Integer.toString(number());
        }
    }

    /** Validates the settings and resolves {@code threads = 0} to all cores. */
    public KsgConfig {
        Checks.atLeast("k", k, 1);
        Checks.notNull("algorithm", algorithm);
        Checks.nonNegative("noise", noise);
        threads = Checks.threads("threads", threads);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static KsgConfig defaults() {
        return builder().build();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private int k = DEFAULT_K;
        private Algorithm algorithm = DEFAULT_ALGORITHM;
        private boolean standardize = DEFAULT_STANDARDIZE;
        private double noise = DEFAULT_NOISE;
        private int threads = OptionSchema.ALL_CORES;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** Neighbours in the joint space. */
        public Builder k(int v) {
            this.k = v;
            return this;
        }

        /** The algorithm. */
        public Builder algorithm(Algorithm v) {
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
        public KsgConfig build() {
            return new KsgConfig(k, algorithm, standardize, noise, threads, seed);
        }
    }
}
