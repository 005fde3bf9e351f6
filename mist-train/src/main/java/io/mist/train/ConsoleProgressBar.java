package io.mist.train;

import io.mist.core.Checks;

import java.io.PrintStream;

/**
 * A one-line console progress bar: iterations, smoothed training estimate, best validation estimate and
 * the time left, redrawn at most every {@code refreshMillis}. Opt-in (the CLI adds one); library code never
 * prints on its own. Not thread-safe.
 */
public final class ConsoleProgressBar implements TrainListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long refreshNanos;
    private final Ema smooth = new Ema(0.98);
    private String name = "";
    private int max = 1;
    private long start;
    private long lastDraw;
    private double best = Double.NaN;

    /** A bar on {@code out} redrawn at most every {@code refreshMillis} milliseconds. */
    public ConsoleProgressBar(PrintStream out, long refreshMillis) {
        this.out = Checks.notNull("out", out);
        this.refreshNanos = refreshMillis * 1_000_000L;
    }

    /** A bar on standard error, redrawn every 200 ms. */
    public static ConsoleProgressBar toStandardError() {
        return new ConsoleProgressBar(System.err, 200);
    }

    @Override
    public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
        this.name = estimator;
        this.max = Math.max(1, maxIterations);
        this.start = System.nanoTime();
        this.lastDraw = 0;
        this.best = Double.NaN;
        smooth.reset();
    }

    @Override
    public void onStep(int iteration, double loss, double estimate) {
        if (Double.isFinite(estimate)) {
            smooth.update(estimate);
        }
        long now = System.nanoTime();
        if (now - lastDraw >= refreshNanos) {
            lastDraw = now;
            draw(iteration, now);
        }
    }

    @Override
    public void onEvaluation(int iteration, double value, double bestSoFar) {
        this.best = bestSoFar;
    }

    @Override
    public void onEnd(FitResult result) {
        draw(result.iterations(), System.nanoTime());
        out.println(Checks.format(" %s (%.0f it/s)", result.stopReason().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' '), result.iterationsPerSecond()));
        out.flush();
    }

    private void draw(int iteration, long now) {
        double frac = Math.min(1, iteration / (double) max);
        int filled = (int) Math.round(frac * WIDTH);
        double elapsed = (now - start) / 1e9;
        double eta = iteration > 0 ? elapsed * (max - iteration) / iteration : Double.NaN;
        StringBuilder bar = new StringBuilder("\r").append(name).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '=' : ' ');
        }
        bar.append(Checks.format("] %d/%d train %.3f best %.3f nats ETA %.0fs", iteration, max, smooth.value(), best,
                eta));
        out.print(bar);
        out.flush();
    }
}
