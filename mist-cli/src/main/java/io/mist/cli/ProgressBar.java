package io.mist.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar redrawn with carriage returns on standard error, shown only on a console. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final int total;
    private final long start = System.nanoTime();
    private int lastLength;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.enabled = System.console() != null;
        this.total = Math.max(total, 1);
    }

    void update(int done, String label) {
        if (!enabled) {
            return;
        }
        int filled = (int) Math.round(WIDTH * (double) done / total);
        double elapsed = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d %5.1fs %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, elapsed, label);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        err.print("\r" + line + pad);
        err.flush();
        lastLength = line.length();
    }

    void finish() {
        if (!enabled) {
            return;
        }
        err.print("\r" + " ".repeat(lastLength) + "\r");
        err.flush();
    }
}
