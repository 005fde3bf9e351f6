package io.mist.train;

/**
 * The estimate over a whole data set: the mean of the per-sample values.
 *
 * @param value the estimate (nats), the mean of {@code pointwise}
 * @param pointwise one value per row, in row order
 */
public record Evaluation(double value, double[] pointwise) {
    /** Copies the values. */
    public Evaluation {
        pointwise = pointwise.clone();
    }

    /** Per-row values (a copy). */
    @Override
    public double[] pointwise() {
        return pointwise.clone();
    }
}
