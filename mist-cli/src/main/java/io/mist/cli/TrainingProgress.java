package io.mist.cli;

import io.mist.core.TrainingListener;

import java.util.Locale;

/**
 * Training progress of {@code mist estimate} on the CLI's {@link ProgressBar}: iterations, the smoothed batch
 * estimate and, once the first validation value exists, the best one (never "best NaN").
 */
final class TrainingProgress implements TrainingListener {
    private static final double SMOOTHING = 0.98;
    private final ProgressBar bar;
    private String name = "";
    private double smooth = Double.NaN;
    private double best = Double.NaN;

    TrainingProgress(ProgressBar bar) {
        this.bar = bar;
    }

    @Override
    public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
        name = estimator;
        smooth = Double.NaN;
        best = Double.NaN;
        bar.start(maxIterations).update(0, label(), true);
    }

    @Override
    public void onStep(int iteration, double loss, double estimate) {
        if (Double.isFinite(estimate)) {
            smooth = Double.isNaN(smooth) ? estimate : SMOOTHING * smooth + (1 - SMOOTHING) * estimate;
        }
        bar.update(iteration, label(), false);
    }

    @Override
    public void onEvaluation(int iteration, double value, double bestSoFar) {
        best = bestSoFar;
    }

    @Override
    public void onFinish(int iterations, double iterationsPerSecond, String reason) {
        bar.update(iterations, label(), true);
        bar.finish(String.format(Locale.ROOT, "%s: %d iterations, %s (%.0f it/s)", name, iterations, reason,
                iterationsPerSecond));
    }

    /** The words after the bar: the estimates known so far. */
    String label() {
        StringBuilder b = new StringBuilder(name);
        if (Double.isFinite(smooth)) {
            b.append(String.format(Locale.ROOT, " train %.3f", smooth));
        }
        if (Double.isFinite(best)) {
            b.append(String.format(Locale.ROOT, " best %.3f", best));
        }
        return b.append(Double.isFinite(smooth) || Double.isFinite(best) ? " nats" : " starting").toString();
    }
}
