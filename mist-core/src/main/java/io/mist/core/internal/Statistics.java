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

    /**
     * The growth exponent of {@code t} in {@code n}: the least-squares slope of {@code log t} against {@code log n}
     * (1 for linear time, about 1.1 for {@code n log n} over a few decades).
     *
     * @throws IllegalArgumentException unless there are at least two points of positive values, not all at one n
     */
    public static double growthExponent(double[] n, double[] t) {
        if (n.length != t.length || n.length < 2) {
            throw Checks.fail("growth exponent needs at least two (n, t) pairs of equal count, got %d and %d",
                    n.length, t.length);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n.length; i++) {
            Checks.positive("n", n[i]);
            Checks.positive("t", t[i]);
            mx += Math.log(n[i]);
            my += Math.log(t[i]);
        }
        mx /= n.length;
        my /= n.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n.length; i++) {
            double a = Math.log(n[i]) - mx;
            sxy += a * (Math.log(t[i]) - my);
            sxx += a * a;
        }
        if (!(sxx > 0)) {
            throw Checks.fail("growth exponent needs at least two different n");
        }
        return sxy / sxx;
    }
}
