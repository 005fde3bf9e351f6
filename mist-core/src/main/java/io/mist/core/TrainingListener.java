package io.mist.core;

/**
 * Receives the progress of an estimator that trains (see
 * {@link io.mist.registry.EstimatorProvider#trains()}); given through
 * {@code EstimateMI.with(name).listener(l)}. All methods run on the training thread and default to doing
 * nothing; the library itself never prints progress (the {@code mist} CLI draws its bar from these calls).
 */
public interface TrainingListener {
    /** Training starts; {@code maxIterations} is the budget. */
    default void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
    }

    /** After each step: the batch loss and the batch estimate (nats). */
    default void onStep(int iteration, double loss, double estimate) {
    }

    /** After each validation evaluation, with the best value so far (nats). */
    default void onEvaluation(int iteration, double value, double best) {
    }

    /**
     * Training ended after {@code iterations} iterations at {@code iterationsPerSecond}, for the reason in
     * words (e.g. {@code "early stopping"}).
     */
    default void onFinish(int iterations, double iterationsPerSecond, String reason) {
    }
}
