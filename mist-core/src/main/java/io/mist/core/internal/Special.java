package io.mist.core.internal;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/** Special functions (thin wrappers over Commons Numbers so callers share one vocabulary). */
public final class Special {
    private Special() {
    }

    /** The digamma function psi(x). */
    public static double digamma(double x) {
        return Digamma.value(x);
    }

    /** log Gamma(x). */
    public static double logGamma(double x) {
        return LogGamma.value(x);
    }

    /** Standard normal CDF. */
    public static double normalCdf(double x) {
        return 0.5 * Erfc.value(-x / Math.sqrt(2));
    }

    /** Survival function {@code P(X > x)} of a chi-square distribution with {@code k} degrees of freedom. */
    public static double chiSquareSurvival(double x, double k) {
        if (x <= 0) {
            return 1.0;
        }
        return RegularizedGamma.Q.value(k / 2, x / 2);
    }

    /**
     * Table of {@code psi(i)} for {@code i = 0..max} (entry 0 is NaN), for integer digamma terms in k-NN
     * estimators. Small arguments use the recurrence {@code psi(i+1) = psi(i) + 1/i}; larger ones the
     * asymptotic series directly, so no rounding error accumulates.
     */
    public static double[] digammaTable(int max) {
        double[] t = new double[max + 1];
        t[0] = Double.NaN;
        for (int i = 1; i <= max; i++) {
            t[i] = i <= 64 ? (i == 1 ? Digamma.value(1) : t[i - 1] + 1.0 / (i - 1)) : Digamma.value(i);
        }
        return t;
    }
}
