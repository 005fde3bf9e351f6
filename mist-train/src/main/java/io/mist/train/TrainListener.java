package io.mist.train;

import io.mist.core.TrainingListener;

import java.util.Locale;

/**
 * A {@link TrainingListener} that also sees the full {@link FitResult} at the end; what {@link Trainer}
 * calls. By default {@link #onEnd} forwards to {@link TrainingListener#onFinish}.
 */
public interface TrainListener extends TrainingListener {
    /** Training ended. */
    default void onEnd(FitResult result) {
        onFinish(result.iterations(), result.iterationsPerSecond(),
                result.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** {@code listener} as a {@link TrainListener} (itself when it is one). */
    static TrainListener of(TrainingListener listener) {
        if (listener instanceof TrainListener t) {
            return t;
        }
        return new TrainListener() {
            @Override
            public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
                listener.onStart(estimator, maxIterations, trainSize, validSize);
            }

            @Override
            public void onStep(int iteration, double loss, double estimate) {
                listener.onStep(iteration, loss, estimate);
            }

            @Override
            public void onEvaluation(int iteration, double value, double best) {
                listener.onEvaluation(iteration, value, best);
            }

            @Override
            public void onFinish(int iterations, double iterationsPerSecond, String reason) {
                listener.onFinish(iterations, iterationsPerSecond, reason);
            }
        };
    }
}
