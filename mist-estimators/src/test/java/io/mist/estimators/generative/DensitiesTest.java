package io.mist.estimators.generative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import io.mist.core.ConditionalDistribution;
import io.mist.core.Distribution;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The densities: each log-density integrates to 1 (1-D and 2-D, numerically on a grid), each flow's inverse undoes
 * its forward map, the conditional Gaussian's log-likelihood is the hand-computed one, samples follow the density
 * (Kolmogorov-Smirnov against the numerically integrated CDF), and sampling is seeded. Parameters are moved off
 * their initial values first (the flows start at the identity), so the checks see non-trivial maps.
 */
class DensitiesTest {
    private static final int[] HIDDEN = {12, 12};

    /** Adds {@code scale} times seeded standard normal noise to the parameters. */
    private static void perturb(NDArray params, double scale, long seed) {
        try (NDManager s = params.getManager().newSubManager()) {
            NDArray noise = StandardNormal.draw(s, 1, (int) params.size(), seed).reshape(params.getShape());
            params.set(new NDIndex("..."), params.add(noise.mul((float) scale)));
        }
    }

    private static Distribution marginal(NDManager m, MarginalTransform t, int d, int n) {
        Distribution q = Densities.marginal(t, d, n, 3, HIDDEN, m, 5);
        perturb(q.parameters().get(0), 0.15, 9);
        return q;
    }

    private static ConditionalDistribution conditional(NDManager m, ConditionalTransform t, int d, int n) {
        ConditionalDistribution q = Densities.conditional(t, d, 2, n, 3, HIDDEN, m, 5);
        perturb(q.parameters().get(0), 0.15, 9);
        return q;
    }

    /** A grid of {@code k^d} points with spacing {@code h} centred on 0, as {@code [k^d, d]}. */
    private static NDArray grid(NDManager m, int d, int k, double h) {
        int count = (int) Math.pow(k, d);
        float[] v = new float[count * d];
        for (int i = 0; i < count; i++) {
            int r = i;
            for (int j = d - 1; j >= 0; j--) {
                v[i * d + j] = (float) ((r % k - (k - 1) / 2.0) * h);
                r /= k;
            }
        }
        return m.create(v, new Shape(count, d));
    }

    private static double integral(NDArray logProb, int d, double h) {
        double sum = 0;
        for (float v : logProb.toFloatArray()) {
            sum += Math.exp(v);
        }
        return sum * Math.pow(h, d);
    }

    private static NDArray fixedContext(NDManager m, int rows) {
        return m.create(new float[] {0.7f, -1.1f}).reshape(1, 2).broadcast(rows, 2);
    }

    /**
     * Riemann sums on [-12, 12] (1-D, spacing 0.004) and [-10, 10]^2 (2-D, spacing 0.04): the densities are smooth
     * with scales of order 1, so the sum's error is far below 1e-3 and the mass outside the box negligible; float32
     * log-densities add a relative error of about 1e-6 per point.
     */
    @Test
    void logProbIntegratesToOne() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray g1 = grid(m, 1, 6001, 0.004);
            NDArray g2 = grid(m, 2, 501, 0.04);
            for (MarginalTransform t : MarginalTransform.values()) {
                assertEquals(1.0, integral(marginal(m, t, 1, 2).logProb(g1), 1, 0.004), 1e-3, t + " 1-D");
                assertEquals(1.0, integral(marginal(m, t, 2, 2).logProb(g2), 2, 0.04), 1e-3, t + " 2-D");
            }
            for (ConditionalTransform t : ConditionalTransform.values()) {
                ConditionalDistribution q1 = conditional(m, t, 1, 2);
                assertEquals(1.0, integral(q1.logProb(fixedContext(m, 6001), g1), 1, 0.004), 1e-3, t + " 1-D");
                ConditionalDistribution q2 = conditional(m, t, 2, 2);
                assertEquals(1.0, integral(q2.logProb(fixedContext(m, 501 * 501), g2), 2, 0.04), 1e-3, t + " 2-D");
            }
        }
    }

    @Test
    void inverseUndoesForward() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray z = StandardNormal.draw(m, 200, 3, 4);
            NDArray x = StandardNormal.draw(m, 200, 2, 6);
            Flow[] flows = {(Flow) marginal(m, MarginalTransform.AFFINE_AUTOREGRESSIVE, 3, 3),
                (Flow) marginal(m, MarginalTransform.LINEAR, 3, 2),
                (Flow) conditional(m, ConditionalTransform.CONDITIONAL_AFFINE_AUTOREGRESSIVE, 3, 3),
                (Flow) conditional(m, ConditionalTransform.CONDITIONAL_LINEAR, 3, 2)};
            for (int f = 0; f < flows.length; f++) {
                NDArray context = f < 2 ? null : x;
                NDArray y = flows[f].forward(z, context);
                assertTrue(y.sub(z).abs().max().getFloat() > 0.05, "the map is not the identity");
                float err = flows[f].inverse(y, context).sub(z).abs().max().getFloat();
                assertTrue(err <= 1e-5, "flow " + f + ": |inverse(forward(z)) - z| = " + err);
            }
        }
    }

    @Test
    void conditionalGaussianLogLikelihoodIsTheHandComputation() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            int dx = 3;
            int dy = 2;
            int h = 4;
            ConditionalDistribution q = Densities.conditional(ConditionalTransform.CONDITIONAL_LINEAR, dy, dx, 1, 1,
                    new int[] {h}, m, 3);
            float[] p = q.parameters().get(0).toFloatArray();
            // layout: W0 [h, dx], b0 [h], W1 [2 dy, h], b1 [2 dy]
            int w0 = 0;
            int b0 = w0 + h * dx;
            int w1 = b0 + h;
            int b1 = w1 + 2 * dy * h;
            double[][] xs = {{0.3, -1.2, 2.0}, {-0.5, 0.1, 0.9}};
            double[][] ys = {{1.5, -0.4}, {0.0, 2.2}};
            float[] xf = new float[6];
            float[] yf = new float[4];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < dx; j++) {
                    xf[i * dx + j] = (float) xs[i][j];
                }
                for (int j = 0; j < dy; j++) {
                    yf[i * dy + j] = (float) ys[i][j];
                }
            }
            float[] got = q.logProb(m.create(xf, new Shape(2, dx)), m.create(yf, new Shape(2, dy))).toFloatArray();
            for (int i = 0; i < 2; i++) {
                double[] hid = new double[h];
                for (int u = 0; u < h; u++) {
                    double a = p[b0 + u];
                    for (int j = 0; j < dx; j++) {
                        a += p[w0 + u * dx + j] * xs[i][j];
                    }
                    hid[u] = Math.max(0, a);
                }
                double logq = 0;
                for (int j = 0; j < dy; j++) {
                    double t = p[b1 + j];
                    double s = p[b1 + dy + j];
                    for (int u = 0; u < h; u++) {
                        t += p[w1 + j * h + u] * hid[u];
                        s += p[w1 + (dy + j) * h + u] * hid[u];
                    }
                    double sigma = Math.exp(s);
                    logq += -0.5 * Math.pow((ys[i][j] - t) / sigma, 2) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
                }
                assertEquals(logq, got[i], 1e-5 * (1 + Math.abs(logq)), "row " + i);
            }
        }
    }

    /**
     * Kolmogorov-Smirnov distance between 20,000 samples and the CDF of the density (cumulative Riemann sum on
     * the grid, error below 1e-3): at most 0.0138 + 0.002, the 0.1 % critical value 1.95 / sqrt(n) plus the grid
     * error. 2-D densities: each coordinate against its marginal CDF, integrated from the 2-D grid.
     */
    @Test
    void samplesFollowTheDensity() {
        int n = 20_000;
        double tol = 1.95 / Math.sqrt(n) + 0.002;
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray g1 = grid(m, 1, 6001, 0.004);
            NDArray g2 = grid(m, 2, 501, 0.04);
            for (MarginalTransform t : MarginalTransform.values()) {
                Distribution q1 = marginal(m, t, 1, 2);
                double d1 = ks(q1.sample(m, n, 3).toFloatArray(), 0, 1, q1.logProb(g1).toFloatArray(), 6001,
                        0.004, 1);
                assertTrue(d1 <= tol, t + " 1-D: KS " + d1);
                Distribution q2 = marginal(m, t, 2, 2);
                float[] s2 = q2.sample(m, n, 3).toFloatArray();
                float[] lp2 = q2.logProb(g2).toFloatArray();
                for (int j = 0; j < 2; j++) {
                    double d = ks(s2, j, 2, lp2, 501, 0.04, 2);
                    assertTrue(d <= tol, t + " 2-D coordinate " + j + ": KS " + d);
                }
            }
            for (ConditionalTransform t : ConditionalTransform.values()) {
                ConditionalDistribution q = conditional(m, t, 2, 2);
                float[] s2 = q.sample(fixedContext(m, n), 3).toFloatArray();
                float[] lp2 = q.logProb(fixedContext(m, 501 * 501), g2).toFloatArray();
                for (int j = 0; j < 2; j++) {
                    double d = ks(s2, j, 2, lp2, 501, 0.04, 2);
                    assertTrue(d <= tol, t + " coordinate " + j + ": KS " + d);
                }
            }
        }
    }

    /** KS distance of column {@code col} of {@code samples} to the marginal CDF of the gridded density. */
    private static double ks(float[] samples, int col, int d, float[] logProb, int k, double h, int dims) {
        double[] pdf = new double[k];
        for (int i = 0; i < logProb.length; i++) {
            int idx = dims == 1 ? i : col == 0 ? i / k : i % k;
            pdf[idx] += Math.exp(logProb[i]) * Math.pow(h, dims);
        }
        double[] cdf = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += pdf[i];
            cdf[i] = acc - pdf[i] / 2; // the cell's mass split around its centre
        }
        int n = samples.length / d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = samples[i * d + col];
        }
        Arrays.sort(v);
        double worst = 0;
        double lo = -(k - 1) / 2.0 * h;
        for (int i = 0; i < n; i++) {
            double pos = (v[i] - lo) / h;
            int c = (int) Math.floor(pos);
            double f;
            if (c < 0) {
                f = 0;
            } else if (c >= k - 1) {
                f = 1;
            } else {
                f = cdf[c] + (cdf[c + 1] - cdf[c]) * (pos - c);
            }
            worst = Math.max(worst, Math.max(Math.abs((i + 1.0) / n - f), Math.abs((double) i / n - f)));
        }
        return worst;
    }

    @Test
    void samplingIsSeeded() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (MarginalTransform t : MarginalTransform.values()) {
                Distribution q = marginal(m, t, 2, 2);
                assertArrayEquals(q.sample(m, 50, 7).toFloatArray(), q.sample(m, 50, 7).toFloatArray(), t.id());
                assertFalse(Arrays.equals(q.sample(m, 50, 7).toFloatArray(), q.sample(m, 50, 8).toFloatArray()));
            }
            for (ConditionalTransform t : ConditionalTransform.values()) {
                ConditionalDistribution q = conditional(m, t, 2, 2);
                NDArray x = StandardNormal.draw(m, 50, 2, 1);
                assertArrayEquals(q.sample(x, 7).toFloatArray(), q.sample(x, 7).toFloatArray(), t.id());
                assertFalse(Arrays.equals(q.sample(x, 7).toFloatArray(), q.sample(x, 8).toFloatArray()));
            }
        }
    }
}
