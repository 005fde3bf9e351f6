package io.mist.train;

/** Receives training progress; all methods run on the training thread and default to doing nothing. */
public interface TrainListener {
    /** Training starts; {@code maxIterations} is the budget. */
    default void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
    }

    /** After each step: the batch loss and the batch estimate (nats). */
    default void onStep(int iteration, double loss, double estimate) {
    }

    /** After each validation evaluation, with the best value so far. */
    default void onEvaluation(int iteration, double value, double best) {
    }

    /** Training ended. */
    default void onEnd(FitResult result) {
    }
}
