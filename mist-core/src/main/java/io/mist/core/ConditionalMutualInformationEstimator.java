package io.mist.core;

/**
 * An estimator that also estimates conditional mutual information
 * {@code I(X;Y|Z) = E[log p(x,y|z) / (p(x|z) p(y|z))]} in nats.
 */
public interface ConditionalMutualInformationEstimator extends MutualInformationEstimator {
    /**
     * Estimates I(X;Y|Z).
     *
     * @throws IllegalArgumentException on mismatched sample counts among x, y and z
     */
    MIEstimate estimate(Samples x, Samples y, Samples z);
}
