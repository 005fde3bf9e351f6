package io.mist.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The CLI's one progress bar: a line redrawn with carriage returns on standard error, at most every
 * {@code refreshNanos} (except the first and the last frame). Used for the jobs of {@code mist demo} and, through
 * {@link TrainingProgress}, for training in {@code mist estimate}. Not thread-safe.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REFRESH_NANOS = 200_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private int total = 1;
    private long start = System.nanoTime();
    private long lastDraw;
    private int lastLength;

    /** A bar on {@code err}, drawn only when {@code enabled}. */
    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A bar on {@code err} shown only on a console. */
    static ProgressBar onConsole(PrintWriter err) {
        return new ProgressBar(err, System.console() != null);
    }

    /** Starts counting {@code total} steps from now. */
    ProgressBar start(int steps) {
        this.total = Math.max(steps, 1);
        this.start = System.nanoTime();
        this.lastDraw = 0;
        return this;
    }

    /** Shows {@code done} of the total with {@code label}; {@code force} draws even within the refresh interval. */
    void update(int done, String label, boolean force) {
        long now = System.nanoTime();
        if (!enabled || (!force && lastDraw != 0 && now - lastDraw < REFRESH_NANOS)) {
            return;
        }
        lastDraw = now;
        int filled = (int) Math.round(WIDTH * Math.min(1.0, (double) done / total));
        double elapsed = (now - start) / 1e9;
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d %5.1fs %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, elapsed, label);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        err.print("\r" + line + pad);
        err.flush();
        lastLength = line.length();
    }

    /** Shows {@code done} of the total with {@code label} (always). */
    void update(int done, String label) {
        update(done, label, true);
    }

    /** Erases the bar. */
    void finish() {
        if (!enabled) {
            return;
        }
        err.print("\r" + " ".repeat(lastLength) + "\r");
        err.flush();
        lastLength = 0;
    }

    /** Ends the bar with a last line that stays. */
    void finish(String summary) {
        if (!enabled) {
            return;
        }
        finish();
        err.println(summary);
        err.flush();
    }
}
