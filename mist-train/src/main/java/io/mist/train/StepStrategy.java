package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.mist.core.NeuralEstimator;

/**
 * One training step on a batch: the forward pass, the gradients and the Adam update, skipped when the loss
 * or the estimate is not finite. Every array the step makes lives in the step's manager.
 */
interface StepStrategy {
    /** Runs one step with learning rate {@code lr}; temporaries live in {@code step}. */
    StepResult step(NDArray x, NDArray y, double lr, NDManager step);

    /**
     * The strategy of a fit: the estimator's own gradients when it gives them ({@link ExplicitGradientStep}),
     * else autograd, by PyTorch's backward called directly when {@code direct} ({@link TorchAutogradStep},
     * which needs grad mode on for the whole fit) or by a DJL gradient collector per step
     * ({@link CollectorAutogradStep}).
     *
     * @param ones a scalar 1 of the parameters' type, the seed gradient of the direct backward
     */
    static StepStrategy of(NeuralEstimator estimator, Adam adam, NDArray ones, boolean direct) {
        StepStrategy autograd = direct ? new TorchAutogradStep(estimator, adam, ones)
                : new CollectorAutogradStep(estimator, adam);
        return new ExplicitGradientStep(estimator, adam, direct, autograd);
    }
}
