package io.mist.core.internal;


/** Summary statistics of a vector of values (replicate estimates, bootstrap values, ...). */
public final class Statistics {
    private Statistics() {
    }

    /**
     * The arithmetic mean.
     *
     * @throws IllegalArgumentException if {@code v} is empty
     */
    public static double mean(double[] v) {
        if (v.length == 0) {
            throw Checks.fail("the mean of no values is undefined");
        }
        double m = 0;
        for (double a : v) {
            m += a;
        }
        return m / v.length;
    }

    /**
     * The sample standard deviation {@code sqrt(sum (v_i - mean)^2 / (n - 1))}; 0 for one value.
     *
     * @throws IllegalArgumentException if {@code v} is empty
     */
    public static double standardDeviation(double[] v) {
        double m = mean(v);
        if (v.length == 1) {
            return 0.0;
        }
        double s = 0;
        for (double a : v) {
            s += (a - m) * (a - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
