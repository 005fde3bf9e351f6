package io.mist.estimators.nonparametric;

import io.mist.core.Checks;
import io.mist.core.Seeds;

import java.util.Locale;

/**
 * Settings of {@link HistogramEstimator}.
 *
 * @param bins bins per column: a rule ({@code auto}, {@code fd}, {@code sturges}, {@code sqrt}) or a
 *     positive integer (default {@code auto})
 * @param quantile equal-frequency bins instead of equal-width (default false)
 * @param millerMadow add the Miller-Madow bias correction (default true)
 * @param seed recorded seed (the estimator is deterministic)
 */
public record HistogramConfig(String bins, boolean quantile, boolean millerMadow, long seed) {
    /** Validates the bin rule. */
    public HistogramConfig {
        Checks.notNull("bins", bins);
        bins = bins.trim().toLowerCase(Locale.ROOT);
        if (!bins.equals("auto") && !bins.equals("fd") && !bins.equals("sturges") && !bins.equals("sqrt")) {
            int b;
            try {
                b = Integer.parseInt(bins);
            } catch (NumberFormatException e) {
                throw Checks.fail("bins must be auto, fd, sturges, sqrt or a positive integer, got '%s'", bins);
            }
            if (b < 1) {
                throw Checks.fail("bins must be a positive integer, got %d", b);
            }
        }
    }

    /** Auto bins, equal width, Miller-Madow, default seed. */
    public static HistogramConfig defaults() {
        return new HistogramConfig("auto", false, true, Seeds.DEFAULT_SEED);
    }
}
