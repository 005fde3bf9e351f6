package io.mist.core;

import io.mist.core.internal.Checks;

import java.util.List;

/**
 * The result of an entropy estimate.
 *
 * @param estimator registered name of the estimator
 * @param value the estimate in nats (finite)
 * @param n number of samples
 * @param dim dimension of the samples
 * @param seed seed that produced it
 * @param diagnostics notes in words
 * @param seconds wall time (0 when not measured)
 */
public record EntropyEstimate(String estimator, double value, int n, int dim, long seed, List<String> diagnostics,
        double seconds) {
    /** Validates the value and copies the diagnostics. */
    public EntropyEstimate {
        Checks.notNull("estimator", estimator);
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(Checks.format("estimator '%s' produced a non-finite entropy (%s)",
                    estimator, value));
        }
        diagnostics = List.copyOf(diagnostics);
    }

    /** The estimate in bits. */
    public double bits() {
        return Units.natsToBits(value);
    }
}
