package io.mist.train;

import io.mist.core.BoundType;

/**
 * When a validation value improves on the best so far: lower bounds (and estimates that are neither bound)
 * are maximised, upper bounds minimised; an improvement must beat the best by more than the tolerance. The
 * best starts at -inf (+inf), so the first finite value always improves.
 *
 * @param maximise whether larger values are better
 * @param tolerance smallest change that counts (nats, at least 0)
 */
record Improvement(boolean maximise, double tolerance) {
    /** The rule for {@code type} with {@code tolerance}. */
    static Improvement of(BoundType type, double tolerance) {
        return new Improvement(type != BoundType.UPPER, tolerance);
    }

    /** The best value before any evaluation. */
    double initial() {
        return maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Whether {@code value} improves on {@code best}. */
    boolean improves(double value, double best) {
        return maximise ? value > best + tolerance : value < best - tolerance;
    }
}
