package io.mist.train;

import java.util.List;

/** Calls every listener of a fit, in order, on the training thread. */
final class Listeners implements TrainListener {
    private final List<TrainListener> all;

    Listeners(List<TrainListener> all) {
        this.all = List.copyOf(all);
    }

    @Override
    public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
        for (TrainListener l : all) {
            l.onStart(estimator, maxIterations, trainSize, validSize);
        }
    }

    @Override
    public void onStep(int iteration, double loss, double estimate) {
        for (TrainListener l : all) {
            l.onStep(iteration, loss, estimate);
        }
    }

    @Override
    public void onEvaluation(int iteration, double value, double best) {
        for (TrainListener l : all) {
            l.onEvaluation(iteration, value, best);
        }
    }

    @Override
    public void onEnd(FitResult result) {
        for (TrainListener l : all) {
            l.onEnd(result);
        }
    }
}
