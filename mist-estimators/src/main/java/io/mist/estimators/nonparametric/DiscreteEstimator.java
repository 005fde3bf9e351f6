package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Plug-in mutual information of integer-coded variables,
 * {@code I = sum_{a,b} p(a,b) log(p(a,b) / (p(a) p(b)))} with empirical frequencies; each row of a
 * multi-column x (or y) is one symbol. With {@code millerMadow} the Miller-Madow correction
 * {@code (m - 1) / (2n)} is added to each entropy ({@code m} = occupied cells), i.e.
 * {@code I_MM = I + (m_x + m_y - m_xy - 1) / (2n)} (Miller 1955; Paninski 2003, "Estimation of Entropy and
 * Mutual Information", Neural Computation 15). The plug-in estimate is biased upwards by about
 * {@code (m_x - 1)(m_y - 1) / (2n)} under independence; the correction removes the first-order term.
 */
public final class DiscreteEstimator implements MutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "discrete";

    private final boolean millerMadow;
    private final long seed;

    /** A plug-in estimator, with or without the Miller-Madow correction. */
    public DiscreteEstimator(boolean millerMadow, long seed) {
        this(new DiscreteConfig(millerMadow, seed));
    }

    /** A plug-in estimator with {@code config}. */
    public DiscreteEstimator(DiscreteConfig config) {
        Checks.notNull("config", config);
        this.millerMadow = config.millerMadow();
        this.seed = config.seed();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        x.requireIntegers("x");
        y.requireIntegers("y");
        return plugIn(NAME, codes(x), codes(y)).shape(x, y).build();
    }

    /**
     * The plug-in estimate (with this estimator's correction and seed) of the symbols {@code cx} and
     * {@code cy}, non-negative codes of the same length, for an estimator named {@code name} that reduces its
     * data to symbols (the binned estimator); {@code m} in the Miller-Madow term counts occupied symbols.
     * The caller sets the shape.
     */
    public MIEstimate.Builder plugIn(String name, int[] cx, int[] cy) {
        int n = cx.length;
        if (cy.length != n || n == 0) {
            throw Checks.fail("symbol codes need the same, positive length; got %d and %d", n, cy.length);
        }
        int mx = max(cx) + 1;
        int my = max(cy) + 1;
        long[] joint = new long[n];
        for (int i = 0; i < n; i++) {
            joint[i] = (long) cx[i] * my + cy[i];
        }
        int[] nx = new int[mx];
        int[] ny = new int[my];
        for (int i = 0; i < n; i++) {
            nx[cx[i]]++;
            ny[cy[i]]++;
        }
        Arrays.sort(joint);
        double logN = Math.log(n);
        double sum = 0;
        int mxy = 0;
        Map<Long, Double> cellValue = new HashMap<>();
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && joint[j] == joint[i]) {
                j++;
            }
            int count = j - i;
            int a = (int) (joint[i] / my);
            int b = (int) (joint[i] % my);
            double local = Math.log(count) + logN - Math.log(nx[a]) - Math.log(ny[b]);
            cellValue.put(joint[i], local);
            sum += count * local;
            mxy++;
            i = j;
        }
        double mi = sum / n;
        int ox = occupied(nx);
        int oy = occupied(ny);
        double correction = millerMadow ? (ox + oy - mxy - 1) / (2.0 * n) : 0.0;
        double[] pointwise = new double[n];
        for (int i = 0; i < n; i++) {
            pointwise[i] = cellValue.get((long) cx[i] * my + cy[i]) + correction;
        }
        MIEstimate.Builder r = MIEstimate.builder(name, mi + correction).seed(seed).pointwise(pointwise);
        if (millerMadow) {
            r.diagnostic(Checks.format("Miller-Madow correction %+.4g nats (%d x-symbols, %d y-symbols, %d joint cells)",
                    correction, ox, oy, mxy));
        }
        return r;
    }

    private static int occupied(int[] counts) {
        int m = 0;
        for (int c : counts) {
            if (c > 0) {
                m++;
            }
        }
        return m;
    }

    /** Dense codes 0..m-1 for the distinct rows of {@code s}. */
    private static int[] codes(Samples s) {
        int n = s.n();
        Map<String, Integer> ids = new HashMap<>();
        int[] out = new int[n];
        if (s.dim() == 1) {
            Map<Double, Integer> single = new HashMap<>();
            for (int i = 0; i < n; i++) {
                out[i] = single.computeIfAbsent(s.get(i, 0) + 0.0, k -> single.size());
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = ids.computeIfAbsent(Arrays.toString(s.row(i)), k -> ids.size());
        }
        return out;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
