package io.mist.train;

/**
 * What one training step gave.
 *
 * @param loss the batch loss
 * @param estimate the training-batch estimate
 */
record StepResult(double loss, double estimate) {
    /** Whether both values are finite (only then are the parameters updated). */
    boolean finite() {
        return Double.isFinite(loss) && Double.isFinite(estimate);
    }
}
