package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;

import java.util.Optional;

/**
 * A step whose gradients the estimator computes itself ({@link NeuralEstimator#explicitStep}), with no
 * autograd graph; on a batch where the estimator gives none, the autograd step it wraps.
 */
final class ExplicitGradientStep implements StepStrategy {
    private final NeuralEstimator estimator;
    private final Adam adam;
    private final boolean direct;
    private final StepStrategy autograd;

    ExplicitGradientStep(NeuralEstimator estimator, Adam adam, boolean direct, StepStrategy autograd) {
        this.estimator = estimator;
        this.adam = adam;
        this.direct = direct;
        this.autograd = autograd;
    }

    @Override
    public StepResult step(NDArray x, NDArray y, double lr, NDManager step) {
        Optional<ExplicitStep> explicit = estimator.explicitStep(x, y);
        if (explicit.isEmpty()) {
            return autograd.step(x, y, lr, step);
        }
        ExplicitStep e = explicit.get();
        e.gradients().attach(step);
        StepResult r = new StepResult(e.loss(), e.estimate());
        if (r.finite()) {
            Autograd.withGradMode(direct, false, () -> {
                adam.update(lr, step, e.gradients());
                return null;
            });
        }
        return r;
    }
}
