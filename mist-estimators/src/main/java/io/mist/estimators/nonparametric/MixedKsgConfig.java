package io.mist.estimators.nonparametric;

import io.mist.core.Checks;
import io.mist.core.Seeds;

/**
 * Settings of {@link MixedKsgEstimator}.
 *
 * @param k neighbour order (default 3)
 * @param method which estimator: {@code AUTO} (Ross when exactly one side is a discrete label, else Gao),
 *     {@code GAO} or {@code ROSS}
 * @param standardize scale each column to unit variance first (default true)
 * @param threads worker threads (default: all cores)
 * @param seed recorded seed (the estimator is deterministic)
 */
public record MixedKsgConfig(int k, Method method, boolean standardize, int threads, long seed) {
    /** The estimator variant. */
    public enum Method {
        /** Ross when exactly one of x, y is a discrete label, Gao et al. otherwise. */
        AUTO,
        /** Gao, Kannan, Oh and Viswanath 2017 (any mixture of discrete and continuous components). */
        GAO,
        /** Ross 2014 (a discrete label against a continuous variable). */
        ROSS
    }

    /** Validates the settings. */
    public MixedKsgConfig {
        Checks.atLeast("k", k, 1);
        Checks.notNull("method", method);
        Checks.atLeast("threads", threads, 1);
    }

    /** k 3, AUTO, standardized, all cores, default seed. */
    public static MixedKsgConfig defaults() {
        return new MixedKsgConfig(3, Method.AUTO, true, Runtime.getRuntime().availableProcessors(),
                Seeds.DEFAULT_SEED);
    }
}
