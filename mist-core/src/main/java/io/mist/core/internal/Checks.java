package io.mist.core.internal;

import io.mist.core.InvalidOptionException;
import io.mist.core.Samples;

import java.util.Locale;

/**
 * Argument checks shared by every module. Each check is written so that NaN fails it, and every message
 * names the offending argument. Failures of the named-value checks are {@link InvalidOptionException}s that
 * carry that name (configs pass option names as the user types them, e.g. {@code batch_size}); other
 * failures are plain {@link IllegalArgumentException}s.
 */
public final class Checks {
    private Checks() {
    }

    /** Formats a message under {@link Locale#ROOT}. */
    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Fails with a formatted message. */
    public static IllegalArgumentException fail(String pattern, Object... args) {
        return new IllegalArgumentException(format(pattern, args));
    }

    /** A failure of the setting {@code option}, with a formatted message (which should name it too). */
    public static InvalidOptionException invalid(String option, String pattern, Object... args) {
        return new InvalidOptionException(option, format(pattern, args));
    }

    /** Requires a non-null value. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw invalid(name, "%s must not be null", name);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value >= min) {
            return value;
        }
        throw invalid(name, "%s must be at least %d, got %d", name, min, value);
    }

    /**
     * A thread count as the user gives it: 0 means all cores ({@link Runtime#availableProcessors()}),
     * otherwise at least 1.
     *
     * @return the resolved count, at least 1
     */
    public static int threads(String name, int value) {
        if (value >= 0) {
            return value == 0 ? Runtime.getRuntime().availableProcessors() : value;
        }
        throw invalid(name, "%s must be 0 (all cores) or a positive number of threads, got %d", name, value);
    }

    /** Requires {@code value > 0} (NaN fails). */
    public static double positive(String name, double value) {
        if (value > 0 && value != Double.POSITIVE_INFINITY) {
            return value;
        }
        throw invalid(name, "%s must be a finite positive number, got %s", name, value);
    }

    /** Requires {@code value >= 0} and finite (NaN fails). */
    public static double nonNegative(String name, double value) {
        if (value >= 0 && value != Double.POSITIVE_INFINITY) {
            return value;
        }
        throw invalid(name, "%s must be a finite non-negative number, got %s", name, value);
    }

    /** Requires {@code lo <= value <= hi} (NaN fails). */
    public static double inRange(String name, double value, double lo, double hi) {
        if (value >= lo && value <= hi) {
            return value;
        }
        throw invalid(name, "%s must be in [%s, %s], got %s", name, lo, hi, value);
    }

    /** Requires {@code lo < value < hi} (NaN fails). */
    public static double inOpenRange(String name, double value, double lo, double hi) {
        if (value > lo && value < hi) {
            return value;
        }
        throw invalid(name, "%s must be in (%s, %s), got %s", name, lo, hi, value);
    }

    /** Requires a finite value. */
    public static double finite(String name, double value) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw invalid(name, "%s must be finite, got %s", name, value);
    }

    /** Requires that two sample sets have the same number of rows. */
    public static void sameRows(String nameA, Samples a, String nameB, Samples b) {
        notNull(nameA, a);
        notNull(nameB, b);
        if (a.n() != b.n()) {
            throw fail("%s and %s must have the same number of samples: %s has %d rows, %s has %d rows",
                    nameA, nameB, nameA, a.n(), nameB, b.n());
        }
    }
}
