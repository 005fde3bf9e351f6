package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.internal.Parallel;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.estimators.nonparametric.internal.JointSearch;
import io.mist.estimators.nonparametric.internal.KdTree;
import io.mist.estimators.nonparametric.internal.NeighborCounter;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * k-NN mutual information for discrete, continuous and mixed variables (no tie-breaking noise: ties are
 * information here).
 * <ul>
 * <li><b>Gao, Kannan, Oh and Viswanath 2017</b> ("Estimating mutual information for discrete-continuous
 * mixtures", NeurIPS), max-norm, in the form of the authors' reference implementation: {@code rho_i} =
 * distance to the k-th joint neighbour; if {@code rho_i > 0}: {@code k_i = k} and
 * {@code n_x(i) = #{j : ||x_j - x_i|| < rho_i}} (the sample itself included), likewise {@code n_y};
 * if {@code rho_i = 0}: {@code k_i}, {@code n_x}, {@code n_y} count the samples (itself included) at
 * distance 0 in the joint space, x and y. Then {@code I = <psi(k_i) + log N - psi(n_x) - psi(n_y)>}. On
 * purely discrete data this is the plug-in estimate up to {@code O(1/count)}; with a discrete label it
 * equals Ross's form. The bias term is the single {@code psi(k_i)} of the derivation (JIDT's mixed
 * estimator used a 2/k term, its issue #92).</li>
 * <li><b>Ross 2014</b> ("Mutual information between discrete and continuous data sets", PLoS ONE 9), y a
 * discrete label: {@code d_i} = distance from x_i to its k-th nearest neighbour among the {@code N_{y_i}}
 * samples with the same label, {@code m_i = #{j != i : ||x_j - x_i|| <= d_i}} over all samples,
 * {@code I = psi(N) + <psi(k) - psi(N_{y_i}) - psi(m_i)>}. As in scikit-learn's {@code
 * mutual_info_classif}, a label with at most k samples uses {@code k = N_y - 1}, and samples whose label
 * occurs once are left out: {@code N} counts the kept samples, the value averages over them, their pointwise
 * entries are NaN (the array still has length n, row for row), and a diagnostic says how many rows were
 * left out.</li>
 * </ul>
 * Bound type: neither. Uncertainty by subsampling.
 */
public final class MixedKsgEstimator implements MutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "ksg-mixed";

    private final MixedKsgConfig config;

    /** An estimator with the given settings. */
    public MixedKsgEstimator(MixedKsgConfig config) {
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
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.SUBSAMPLING;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        int n = x.n();
        KnnData.requireK(NAME, n, config.k());
        long t0 = System.nanoTime();
        MixedKsgConfig.Method m = config.method();
        boolean swap = false;
        if (m == MixedKsgConfig.Method.AUTO) {
            boolean dx = isLabel(x);
            boolean dy = isLabel(y);
            m = dx != dy ? MixedKsgConfig.Method.ROSS : MixedKsgConfig.Method.GAO;
            swap = dx && !dy;
        } else if (m == MixedKsgConfig.Method.ROSS) {
            if (y.dim() != 1) {
                throw Checks.fail("ksg-mixed (Ross): y must be one column of discrete labels, got %d columns",
                        y.dim());
            }
            y.requireIntegers("y");
        }
        Samples c = swap ? y : x;
        Samples d = swap ? x : y;
        double[] cs = KnnData.prepare(c, swap ? "y" : "x", config.standardize(), 0, config.seed(), 0);
        double[] pw;
        double mi;
        MIEstimate.Builder r;
        if (m == MixedKsgConfig.Method.ROSS) {
            pw = ross(cs, c.dim(), d.column(0), config.k(), config.threads());
            int dropped = 0;
            double sum = 0;
            for (double v : pw) {
                if (Double.isNaN(v)) {
                    dropped++;
                } else {
                    sum += v;
                }
            }
            mi = sum / (n - dropped);
            r = MIEstimate.builder(NAME, mi).diagnostic(Checks.format(
                    "Ross 2014 (%s is the discrete label), k = %d", swap ? "x" : "y", config.k()));
            if (dropped > 0) {
                r.diagnostic(Checks.format("%d of %d rows have a label that occurs once: left out of the value "
                        + "(their pointwise values are NaN)", dropped, n));
            }
        } else {
            double[] ds = KnnData.prepare(d, "y", config.standardize(), 0, config.seed(), 1);
            pw = gao(cs, c.dim(), ds, d.dim(), n, config.k(), config.threads());
            mi = KnnData.mean(pw);
            r = MIEstimate.builder(NAME, mi)
                    .diagnostic(Checks.format("Gao et al. 2017 mixed KSG, k = %d", config.k()));
        }
        return KnnData.noteBelowZero(r.shape(x, y).seed(config.seed()).pointwise(pw)
                .seconds((System.nanoTime() - t0) / 1e9), mi).build();
    }

    /** One integer-valued column with few distinct values (at most sqrt(n), at least 2), or built as labels. */
    static boolean isLabel(Samples s) {
        if (s.dim() != 1) {
            return false;
        }
        if (s.isDiscrete()) {
            return true;
        }
        int cap = (int) Math.max(2, Math.sqrt(s.n()));
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < s.n(); i++) {
            double v = s.get(i, 0);
            if (v != Math.rint(v) || (seen.add(v) && seen.size() > cap)) {
                return false;
            }
        }
        return true;
    }

    static double[] gao(double[] xs, int dx, double[] ys, int dy, int n, int k, int threads) {
        double[] joint = KnnData.concat(n, new double[][] {xs, ys}, new int[] {dx, dy});
        KdTree tree = KdTree.build(joint, n, dx + dy);
        NeighborCounter cx = NeighborCounter.of(xs, n, dx);
        NeighborCounter cy = NeighborCounter.of(ys, n, dy);
        double logN = Math.log(n);
        double[] out = new double[n];
        Parallel.forRange(n, threads, (from, to) -> {
            JointSearch.Cursor c = tree.cursor(k);
            for (int p = from; p < to; p++) {
                double rho = c.search(p);
                int i = c.originalIndex(p);
                boolean zero = !(rho > 0);
                int ki = zero ? 1 + tree.count(i, 0.0, false) : k;
                int nx = 1 + cx.count(i, rho, !zero);
                int ny = 1 + cy.count(i, rho, !zero);
                out[i] = KnnData.digamma(ki) + logN - KnnData.digamma(nx) - KnnData.digamma(ny);
            }
        });
        return out;
    }

    /** Ross's pointwise values, row for row (length n); NaN for the rows whose label occurs once. */
    static double[] ross(double[] xs, int dx, double[] labels, int k, int threads) {
        int n = labels.length;
        TreeMap<Double, int[]> groups = new TreeMap<>();
        TreeMap<Double, Integer> sizes = new TreeMap<>();
        for (double v : labels) {
            sizes.merge(v + 0.0, 1, Integer::sum);
        }
        int kept = 0;
        for (var e : sizes.entrySet()) {
            if (e.getValue() > 1) {
                groups.put(e.getKey(), new int[e.getValue()]);
                kept += e.getValue();
            }
        }
        if (kept < 2) {
            throw Checks.fail("ksg-mixed (Ross): every label occurs once; no within-label neighbours exist");
        }
        int[] keptIdx = new int[kept];
        TreeMap<Double, Integer> cursor = new TreeMap<>();
        int o = 0;
        for (int i = 0; i < n; i++) {
            int[] g = groups.get(labels[i] + 0.0);
            if (g != null) {
                int pos = cursor.merge(labels[i] + 0.0, 1, Integer::sum) - 1;
                g[pos] = o;
                keptIdx[o++] = i;
            }
        }
        double[] kx = new double[kept * dx];
        for (int r = 0; r < kept; r++) {
            System.arraycopy(xs, keptIdx[r] * dx, kx, r * dx, dx);
        }
        NeighborCounter all = NeighborCounter.of(kx, kept, dx);
        double[] radius = new double[kept];
        double[] local = new double[kept];
        double psiAll = KnnData.digamma(kept);
        for (int[] g : groups.values()) {
            int ng = g.length;
            int kk = Math.min(k, ng - 1);
            double[] gx = new double[ng * dx];
            for (int r = 0; r < ng; r++) {
                System.arraycopy(kx, g[r] * dx, gx, r * dx, dx);
            }
            JointSearch search = JointSearch.of(gx, ng, dx);
            double base = psiAll + KnnData.digamma(kk) - KnnData.digamma(ng);
            Parallel.forRange(ng, threads, (from, to) -> {
                JointSearch.Cursor c = search.cursor(kk);
                for (int p = from; p < to; p++) {
                    double dist = c.search(p);
                    int r = g[c.originalIndex(p)];
                    radius[r] = dist;
                    local[r] = base;
                }
            });
        }
        Parallel.forRange(kept, threads, (from, to) -> {
            for (int r = from; r < to; r++) {
                local[r] -= KnnData.digamma(all.count(r, radius[r], false));
            }
        });
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int r = 0; r < kept; r++) {
            out[keptIdx[r]] = local[r];
        }
        return out;
    }
}
