package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;

import java.util.List;

/**
 * A KL divergence between the two marginals of a fitted joint mixture, in nats: {@code KL(p_x || p_y)}
 * ({@link GmmConfig.Kl#FORWARD}) or {@code KL(p_y || p_x)} ({@link GmmConfig.Kl#REVERSE}), from
 * {@link GmmEstimator#klDivergence}. Its own result type: a divergence is not a mutual information, so it is
 * never converted, resampled or permutation-tested as one. Immutable.
 *
 * @param direction which divergence (never {@link GmmConfig.Kl#NONE})
 * @param value the mean over the bootstrap mixtures (or the single fit), nats, finite and at least 0 up to
 *     Monte Carlo error
 * @param standardError the standard deviation over the bootstrap mixtures, NaN for a single fit
 * @param n rows
 * @param dx columns of x
 * @param dy columns of y (equal to dx)
 * @param seed the seed of the fit
 * @param diagnostics notes in words
 * @param seconds wall time of the call
 */
public record KlEstimate(GmmConfig.Kl direction, double value, double standardError, int n, int dx, int dy,
        long seed, List<String> diagnostics, double seconds) {
    /** Validates the values; copies the diagnostics. */
    public KlEstimate {
        Checks.notNull("direction", direction);
        if (direction == GmmConfig.Kl.NONE) {
            throw Checks.invalid("kl", "a KL estimate needs kl=forward or kl=reverse, got none");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("gmm: non-finite KL divergence " + value);
        }
        if (!(standardError >= 0 || Double.isNaN(standardError))) {
            throw Checks.fail("standardError must be non-negative or NaN, got %s", standardError);
        }
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether a standard error was estimated. */
    public boolean hasStandardError() {
        return !Double.isNaN(standardError);
    }

    /** The divergence in symbols, e.g. {@code KL(p_x || p_y)}. */
    public String quantity() {
        return direction == GmmConfig.Kl.FORWARD ? "KL(p_x || p_y)" : "KL(p_y || p_x)";
    }
}
