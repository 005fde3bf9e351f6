package io.mist.core;

/**
 * Estimates the mutual information {@code I(X;Y) = E[log p(x,y) / (p(x) p(y))]} in nats from paired samples.
 *
 * <p>Implementations are immutable, stateless and thread-safe; everything a call allocates (native memory
 * included) is released before it returns. Randomness comes from the seed the estimator was built with and
 * is recorded in the result.
 */
public interface MutualInformationEstimator {
    /** Registered name, e.g. {@code "ksg"}. */
    String name();

    /**
     * Estimates I(X;Y).
     *
     * @param x {@code [n, dx]} samples of X
     * @param y {@code [n, dy]} samples of Y, row {@code i} paired with row {@code i} of x
     * @throws IllegalArgumentException on mismatched sample counts or input the estimator cannot handle
     */
    MIEstimate estimate(Samples x, Samples y);

    /** Convenience overload validating {@code x} and {@code y} as rows. */
    default MIEstimate estimate(double[][] x, double[][] y) {
        return estimate(Samples.of("x", x), Samples.of("y", y));
    }

    /** Convenience overload for two scalar variables. */
    default MIEstimate estimate(double[] x, double[] y) {
        return estimate(Samples.of("x", x), Samples.of("y", y));
    }

    /** The resampling scheme under which this estimator's uncertainty may be estimated. */
    default ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    /** The seed this estimator uses. */
    long seed();
}
