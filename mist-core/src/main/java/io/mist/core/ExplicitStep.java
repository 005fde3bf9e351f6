package io.mist.core;

import io.mist.core.internal.Checks;

import ai.djl.ndarray.NDList;

/**
 * The outcome of a training step whose gradients the estimator computed itself
 * ({@link NeuralEstimator#explicitStep}): the loss, the training-batch estimate, and the gradient of the
 * loss for each of {@link NeuralEstimator#parameters()}, in that order, owned by the step's manager.
 *
 * @param loss the batch loss (may be non-finite when training diverges)
 * @param estimate the training-batch estimate
 * @param gradients one gradient per parameter array, shaped like it
 */
public record ExplicitStep(double loss, double estimate, NDList gradients) {
    /** Validates the gradient list. */
    public ExplicitStep {
        Checks.notNull("gradients", gradients);
    }
}
