package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.estimators.quantized.GridQuantizer;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;

import java.util.Arrays;

/**
 * Plug-in mutual information of a joint histogram, for low dimensions: every column is cut into bins
 * (equal width over its range, or equal frequency with {@code quantile}), a row of x (or y) is the tuple of
 * its columns' bins, and {@code I = sum_{a,b} p(a,b) log(p(a,b) / (p(a) p(b)))} with empirical cell
 * frequencies. Bins per column by rule: {@code sturges} {@code ceil(log2 n) + 1}, {@code sqrt}
 * {@code ceil(sqrt n)}, {@code fd} (Freedman-Diaconis) width {@code 2 IQR n^(-1/3)}, {@code auto} the larger
 * count of fd and sturges (numpy's rule), or a fixed number. With Miller-Madow (Miller 1955; Paninski 2003,
 * Neural Computation 15) each entropy gains {@code (m - 1) / (2n)} for {@code m} occupied cells.
 *
 * <p>Bound type: neither; the plug-in value is biased upwards by about {@code (m_x - 1)(m_y - 1) / (2n)}
 * under independence (removed to first order by the correction) and downwards by coarse binning of smooth
 * dependence. Uncertainty: bootstrap.
 */
public final class HistogramEstimator implements MutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "histogram";

    private final HistogramConfig config;

    /** An estimator with the given settings. */
    public HistogramEstimator(HistogramConfig config) {
        this.config = Checks.notNull("config", config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        int n = x.n();
        if (n < 2) {
            throw Checks.fail("histogram needs at least 2 samples, got n = %d", n);
        }
        long t0 = System.nanoTime();
        int[] bx = new int[x.dim()];
        int[] by = new int[y.dim()];
        int[] cx = codes(x, "x", bx);
        int[] cy = codes(y, "y", by);
        int mx = max(cx) + 1;
        int my = max(cy) + 1;
        int[] nx = new int[mx];
        int[] ny = new int[my];
        long[] joint = new long[n];
        for (int i = 0; i < n; i++) {
            nx[cx[i]]++;
            ny[cy[i]]++;
            joint[i] = (long) cx[i] * my + cy[i];
        }
        long[] sorted = joint.clone();
        Arrays.sort(sorted);
        int cells = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                cells++;
            }
        }
        double correction = config.millerMadow() ? (mx + my - cells - 1) / (2.0 * n) : 0.0;
        double[] pw = new double[n];
        double logN = Math.log(n);
        for (int i = 0; i < n; i++) {
            int lo = lowerBound(sorted, joint[i]);
            int hi = lowerBound(sorted, joint[i] + 1);
            pw[i] = Math.log(hi - lo) + logN - Math.log(nx[cx[i]]) - Math.log(ny[cy[i]]) + correction;
        }
        return MIEstimate.builder(NAME, KnnData.mean(pw)).shape(x, y).seed(config.seed()).pointwise(pw)
                .seconds((System.nanoTime() - t0) / 1e9)
                .diagnostic(Checks.format("%s bins per column: x %s, y %s; %d occupied joint cells%s",
                        config.quantile() ? "equal-frequency" : "equal-width", Arrays.toString(bx),
                        Arrays.toString(by), cells, config.millerMadow()
                                ? Checks.format("; Miller-Madow correction %+.4g nats", correction) : ""))
                .build();
    }

    /** Dense cell codes of the rows of s; the bins per column are written to {@code binsOut}. */
    private int[] codes(Samples s, String name, int[] binsOut) {
        int n = s.n();
        long[] code = new long[n];
        long radix = 1;
        for (int j = 0; j < s.dim(); j++) {
            double[] col = s.column(j);
            int b = binCount(col);
            binsOut[j] = b;
            Samples c = Samples.of(name, col);
            int[] bin = (config.quantile() ? GridQuantizer.quantile(c, b) : GridQuantizer.equalWidth(c, b))
                    .indices(c);
            if (radix > Long.MAX_VALUE / (b + 1)) {
                throw Checks.fail("histogram: %s has too many columns for a joint histogram (%d)", name, s.dim());
            }
            for (int i = 0; i < n; i++) {
                code[i] += radix * bin[i];
            }
            radix *= b;
        }
        long[] distinct = code.clone();
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.binarySearch(distinct, 0, m, code[i]);
        }
        return out;
    }

    private int binCount(double[] col) {
        int n = col.length;
        int sturges = (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
        switch (config.bins().rule()) {
            case STURGES:
                return sturges;
            case SQRT:
                return (int) Math.ceil(Math.sqrt(n));
            case FD:
                return Math.max(1, freedmanDiaconis(col, sturges));
            case AUTO:
                return Math.max(sturges, freedmanDiaconis(col, sturges));
            case FIXED:
            default:
                return config.bins().count();
        }
    }

    private static int freedmanDiaconis(double[] col, int fallback) {
        double[] s = col.clone();
        Arrays.sort(s);
        int n = s.length;
        double iqr = quantile(s, 0.75) - quantile(s, 0.25);
        double range = s[n - 1] - s[0];
        if (!(iqr > 0) || !(range > 0)) {
            return fallback;
        }
        double h = 2 * iqr * Math.pow(n, -1.0 / 3);
        return (int) Math.min(Math.ceil(range / h), n);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
