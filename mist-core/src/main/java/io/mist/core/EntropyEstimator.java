package io.mist.core;

/**
 * Estimates the differential entropy {@code H(X) = -E[log p(x)]} in nats from samples of X (e.g. the
 * Kozachenko-Leonenko k-nearest-neighbour estimator). Implementations are immutable, stateless and
 * thread-safe; randomness comes from the seed they were built with.
 */
public interface EntropyEstimator {
    /** Registered name, e.g. {@code "entropy-kl"}. */
    String name();

    /**
     * Estimates H(X).
     *
     * @param x {@code [n, d]} samples of X
     * @throws IllegalArgumentException on input the estimator cannot handle
     */
    EntropyEstimate estimate(Samples x);

    /** The seed this estimator uses. */
    long seed();
}
