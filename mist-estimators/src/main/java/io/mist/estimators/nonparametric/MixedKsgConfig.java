package io.mist.estimators.nonparametric;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.intOption;
import static io.mist.registry.OptionSchema.threadsOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link MixedKsgEstimator}, validated on construction; options described once in
 * {@link #SCHEMA}.
 *
 * @param k neighbour order (option {@code k}; default {@link KsgConfig#DEFAULT_K})
 * @param method which estimator (option {@code method}): {@code AUTO} (Ross when exactly one side is a
 *     discrete label, else Gao), {@code GAO} or {@code ROSS}
 * @param standardize scale each column to unit variance first (option {@code standardize}; default true)
 * @param threads worker threads (option {@code threads}; 0 = all cores, resolved here)
 * @param seed recorded seed (the estimator is deterministic)
 */
public record MixedKsgConfig(int k, Method method, boolean standardize, int threads, long seed) {
    /** Default method. */
    public static final Method DEFAULT_METHOD = Method.AUTO;

    /** The options of {@code ksg-mixed}. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            intOption("k", KsgConfig.DEFAULT_K, "neighbour order", Builder::k),
            choiceOption("method", DEFAULT_METHOD, "auto (Ross for one discrete label, else Gao), gao or ross",
                    Builder::method),
            booleanOption("standardize", KsgConfig.DEFAULT_STANDARDIZE, "scale each column to unit variance first",
                    Builder::standardize),
            threadsOption(Builder::threads));

    /** The estimator variant. */
    public enum Method {
        /** Ross when exactly one of x, y is a discrete label, Gao et al. otherwise. */
        AUTO,
        /** Gao, Kannan, Oh and Viswanath 2017 (any mixture of discrete and continuous components). */
        GAO,
        /** Ross 2014 (a discrete label against a continuous variable). */
        ROSS
    }

    /** Validates the settings and resolves {@code threads = 0} to all cores. */
    public MixedKsgConfig {
        Checks.atLeast("k", k, 1);
        Checks.notNull("method", method);
        threads = Checks.threads("threads", threads);
    }

    /** The defaults. */
    public static MixedKsgConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private int k = KsgConfig.DEFAULT_K;
        private Method method = DEFAULT_METHOD;
        private boolean standardize = KsgConfig.DEFAULT_STANDARDIZE;
        private int threads = OptionSchema.ALL_CORES;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** Neighbour order. */
        public Builder k(int v) {
            this.k = v;
            return this;
        }

        /** The variant. */
        public Builder method(Method v) {
            this.method = v;
            return this;
        }

        /** Scale columns to unit variance. */
        public Builder standardize(boolean v) {
            this.standardize = v;
            return this;
        }

        /** Worker threads (0 = all cores). */
        public Builder threads(int v) {
            this.threads = v;
            return this;
        }

        /** The recorded seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The validated config. */
        public MixedKsgConfig build() {
            return new MixedKsgConfig(k, method, standardize, threads, seed);
        }
    }
}
