package io.mist.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import io.mist.core.NeuralEstimator;

/** An autograd step through a DJL {@link GradientCollector} per step: the path for engines other than PyTorch. */
final class CollectorAutogradStep implements StepStrategy {
    private final NeuralEstimator estimator;
    private final Adam adam;

    CollectorAutogradStep(NeuralEstimator estimator, Adam adam) {
        this.estimator = estimator;
        this.adam = adam;
    }

    @Override
    public StepResult step(NDArray x, NDArray y, double lr, NDManager step) {
        StepResult r;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDList out = estimator.trainingStep(x, y);
            out.attach(step);
            r = new StepResult(out.get(0).toFloatArray()[0], out.get(1).toFloatArray()[0]);
            if (r.finite()) {
                gc.backward(out.get(0));
            }
        }
        if (r.finite()) {
            adam.update(lr, step);
        }
        return r;
    }
}
