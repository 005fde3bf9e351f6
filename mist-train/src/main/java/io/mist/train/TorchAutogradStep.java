package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.mist.core.NeuralEstimator;

/**
 * An autograd step on PyTorch with grad mode already on (the loop switches it on once per fit): the
 * recorded forward of {@link NeuralEstimator#trainingStep}, PyTorch's backward called directly, and the
 * update with grad mode off.
 */
final class TorchAutogradStep implements StepStrategy {
    private final NeuralEstimator estimator;
    private final Adam adam;
    private final NDArray ones;

    TorchAutogradStep(NeuralEstimator estimator, Adam adam, NDArray ones) {
        this.estimator = estimator;
        this.adam = adam;
        this.ones = ones;
    }

    @Override
    public StepResult step(NDArray x, NDArray y, double lr, NDManager step) {
        NDList out = estimator.trainingStep(x, y);
        out.attach(step);
        StepResult r = new StepResult(out.get(0).toFloatArray()[0], out.get(1).toFloatArray()[0]);
        if (r.finite()) {
            Autograd.backward(out.get(0), ones);
            Autograd.setGradMode(false);
            try {
                adam.update(lr, step);
            } finally {
                Autograd.setGradMode(true);
            }
        }
        return r;
    }
}
