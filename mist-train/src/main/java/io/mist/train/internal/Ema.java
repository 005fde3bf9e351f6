package io.mist.train.internal;

import io.mist.core.internal.Checks;

/**
 * Exponential moving average {@code a <- gamma a + (1 - gamma) x}, started at the first value (no bias
 * toward zero). Used by MINE's bias-corrected gradient and for smoothed progress display. Not thread-safe.
 */
public final class Ema {
    private final double gamma;
    private double value = Double.NaN;
    private long count;

    /**
     * An empty average.
     *
     * @param gamma decay in [0, 1): the weight of the past
     */
    public Ema(double gamma) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw Checks.fail("gamma must be in [0, 1), got %s", gamma);
        }
        this.gamma = gamma;
    }

    /** Adds {@code x} and returns the new average. */
    public double update(double x) {
        value = count == 0 ? x : gamma * value + (1 - gamma) * x;
        count++;
        return value;
    }

    /** The current average, NaN before the first update. */
    public double value() {
        return value;
    }

    /** Number of updates. */
    public long count() {
        return count;
    }

    /** Forgets every value. */
    public void reset() {
        value = Double.NaN;
        count = 0;
    }
}
