package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;

import java.util.Optional;

/**
 * A step whose gradients the estimator computes itself ({@link NeuralEstimator#explicitStep}), with no
 * autograd graph; on a batch where the estimator gives none, the autograd step it wraps. With {@code direct}
 * the loop turns grad mode on for the fit; explicit steps need it off (their forward records nothing either
 * way, and the optimiser updates the parameters in place), so this step switches it off at the first explicit
 * step and on again only before an autograd step: no switching per step when every step is explicit. The
 * loop restores the caller's mode at the end of the fit.
 */
final class ExplicitGradientStep implements StepStrategy {
    private final NeuralEstimator estimator;
    private final Adam adam;
    private final boolean direct;
    private final StepStrategy autograd;
    private boolean recording;

    /** With {@code direct}, the loop has turned grad mode on. */
    ExplicitGradientStep(NeuralEstimator estimator, Adam adam, boolean direct, StepStrategy autograd) {
        this.estimator = estimator;
        this.adam = adam;
        this.direct = direct;
        this.autograd = autograd;
        this.recording = direct;
    }

    @Override
    public StepResult step(NDArray x, NDArray y, double lr, NDManager step) {
        Optional<ExplicitStep> explicit = estimator.explicitStep(x, y);
        if (explicit.isEmpty()) {
            record(true);
            return autograd.step(x, y, lr, step);
        }
        ExplicitStep e = explicit.get();
        e.gradients().attach(step);
        StepResult r = new StepResult(e.loss(), e.estimate());
        if (r.finite()) {
            record(false);
            adam.update(lr, step, e.gradients());
        }
        return r;
    }

    /** Sets grad mode to {@code on} if it is not already (only with {@code direct}). */
    private void record(boolean on) {
        if (direct && recording != on) {
            Autograd.setGradMode(on);
            recording = on;
        }
    }
}
