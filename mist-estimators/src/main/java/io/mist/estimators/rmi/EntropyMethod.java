package io.mist.estimators.rmi;

/** How {@link RmiEstimator} estimates the entropy {@code H(y)} of the feature. */
public enum EntropyMethod {
    /**
     * Plug-in entropy of an equal-width histogram (1-D and 2-D features; 180 bins per axis by default, as the
     * original).
     */
    HISTOGRAM,
    /** The Kozachenko-Leonenko k-nearest-neighbour estimator (any feature dimension). */
    KL
}
