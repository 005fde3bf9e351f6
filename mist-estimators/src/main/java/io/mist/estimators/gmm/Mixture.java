package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * An immutable Gaussian mixture with full covariances,
 * {@code p(v) = sum_k w_k N(v; mu_k, Sigma_k)}, holding each covariance's Cholesky factor so that a log
 * density costs one triangular solve per component:
 * {@code log N(v; mu, Sigma) = -d/2 log(2 pi) - sum_i log L_ii - |L^-1 (v - mu)|^2 / 2} with
 * {@code Sigma = L L^T} (Bishop, "Pattern Recognition and Machine Learning", sec. 2.3 and 9.2).
 *
 * <p>Marginals of a Gaussian mixture are mixtures of the marginal Gaussians with the same weights
 * ({@link #marginal(int...)}), which is what the mutual-information integrals use.
 */
public final class Mixture {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int k;
    private final int d;
    private final double[] weights;
    private final double[] logWeights;
    private final double[][] means;
    private final double[][][] covariances;
    /** Lower Cholesky factors, row-major {@code [k][d*d]}. */
    private final double[][] chol;
    /** {@code log w_k - d/2 log 2 pi - sum log L_ii}. */
    private final double[] logNorm;

    private Mixture(double[] weights, double[][] means, double[][][] covariances) {
        this.k = weights.length;
        this.d = means[0].length;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.logWeights = new double[k];
        this.chol = new double[k][];
        this.logNorm = new double[k];
        for (int c = 0; c < k; c++) {
            logWeights[c] = Math.log(weights[c]);
            chol[c] = choleskyOrNull(covariances[c], d);
            if (chol[c] == null) {
                throw Checks.fail("covariance of component %d is not positive definite (increase reg_covar): %s",
                        c, Arrays.deepToString(covariances[c]));
            }
            double logDiag = 0;
            for (int i = 0; i < d; i++) {
                logDiag += Math.log(chol[c][i * d + i]);
            }
            logNorm[c] = logWeights[c] - 0.5 * d * LOG_2PI - logDiag;
        }
    }

    /**
     * A mixture from weights (normalised here; non-negative, positive sum), means {@code [k][d]} and
     * covariances {@code [k][d][d]} (symmetric positive definite). The arrays are copied.
     *
     * @throws IllegalArgumentException on inconsistent shapes, negative or non-finite weights, or a
     *     covariance that is not positive definite
     */
    public static Mixture of(double[] weights, double[][] means, double[][][] covariances) {
        Checks.notNull("weights", weights);
        Checks.notNull("means", means);
        Checks.notNull("covariances", covariances);
        int k = weights.length;
        if (k < 1 || means.length != k || covariances.length != k) {
            throw Checks.fail("mixture needs k >= 1 components with one mean and covariance each: weights %d, "
                    + "means %d, covariances %d", k, means.length, covariances.length);
        }
        int d = means[0].length;
        if (d < 1) {
            throw Checks.fail("means: dimension must be at least 1");
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            if (!(weights[c] >= 0) || !Double.isFinite(weights[c])) {
                throw Checks.fail("weights: weight %d is %s, must be finite and non-negative", c, weights[c]);
            }
            sum += weights[c];
        }
        if (!(sum > 0)) {
            throw Checks.fail("weights: must have a positive sum");
        }
        double[] w = new double[k];
        double[][] m = new double[k][];
        double[][][] s = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            w[c] = weights[c] / sum;
            if (means[c].length != d || covariances[c].length != d) {
                throw Checks.fail("component %d: mean and covariance must have dimension %d", c, d);
            }
            m[c] = means[c].clone();
            for (int i = 0; i < d; i++) {
                Checks.finite("means[" + c + "][" + i + "]", m[c][i]);
                if (covariances[c][i].length != d) {
                    throw Checks.fail("covariances[%d] must be %d x %d", c, d, d);
                }
                for (int j = 0; j < d; j++) {
                    double v = covariances[c][i][j];
                    double t = covariances[c][j][i];
                    Checks.finite("covariances[" + c + "][" + i + "][" + j + "]", v);
                    if (Math.abs(v - t) > 1e-9 * (Math.abs(v) + Math.abs(t)) + 1e-300) {
                        throw Checks.fail("covariances[%d] is not symmetric at (%d, %d): %s vs %s", c, i, j, v, t);
                    }
                    s[c][i][j] = 0.5 * (v + t);
                }
            }
        }
        return new Mixture(w, m, s);
    }

    /** Trusted constructor for already validated, owned arrays (EM output). */
    static Mixture ofOwned(double[] weights, double[][] means, double[][][] covariances) {
        return new Mixture(weights, means, covariances);
    }

    /**
     * Lower Cholesky factor of {@code a}, row-major {@code d*d}, or {@code null} when {@code a} is not
     * numerically positive definite.
     */
    static double[] choleskyOrNull(double[][] a, int d) {
        double[] l = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i * d + p] * l[j * d + p];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i * d + i] = Math.sqrt(s);
                } else {
                    l[i * d + j] = s / l[j * d + j];
                }
            }
        }
        return l;
    }

    /** Number of components. */
    public int components() {
        return k;
    }

    /** Dimension of the modelled vector. */
    public int dim() {
        return d;
    }

    /** Mixing weight of component {@code c}. */
    public double weight(int c) {
        return weights[c];
    }

    /** A copy of the weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of component {@code c}'s mean. */
    public double[] mean(int c) {
        return means[c].clone();
    }

    /** A copy of component {@code c}'s covariance. */
    public double[][] covariance(int c) {
        double[][] s = new double[d][];
        for (int i = 0; i < d; i++) {
            s[i] = covariances[c][i].clone();
        }
        return s;
    }

    /** Smallest Cholesky diagonal entry squared over all components (a lower bound scale of the variances). */
    double smallestPivot() {
        double m = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                double v = chol[c][i * d + i];
                m = Math.min(m, v * v);
            }
        }
        return m;
    }

    /** Number of free parameters: {@code k - 1 + k d + k d (d + 1) / 2}. */
    public int freeParameters() {
        return k - 1 + k * d + k * d * (d + 1) / 2;
    }

    /** The mixture of the marginal Gaussians over coordinates {@code idx} (same weights). */
    public Mixture marginal(int... idx) {
        Checks.notNull("idx", idx);
        if (idx.length < 1) {
            throw Checks.fail("marginal: need at least one coordinate");
        }
        for (int i : idx) {
            if (i < 0 || i >= d) {
                throw Checks.fail("marginal: coordinate %d out of range [0, %d)", i, d);
            }
        }
        int m = idx.length;
        double[][] mu = new double[k][m];
        double[][][] s = new double[k][m][m];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m; i++) {
                mu[c][i] = means[c][idx[i]];
                for (int j = 0; j < m; j++) {
                    s[c][i][j] = covariances[c][idx[i]][idx[j]];
                }
            }
        }
        return new Mixture(weights.clone(), mu, s);
    }

    /** Log density at one point of dimension {@link #dim()}. */
    public double logDensity(double[] v) {
        if (v.length != d) {
            throw Checks.fail("point has dimension %d, mixture %d", v.length, d);
        }
        double[] out = new double[1];
        logDensities(v, 1, 0, d, out, new double[k], new double[d]);
        return out[0];
    }

    /** Log densities of the {@code n} rows of a row-major {@code [n, dim()]} array. */
    public double[] logDensities(double[] rowMajor, int n) {
        double[] out = new double[n];
        logDensities(rowMajor, n, 0, d, out, new double[k], new double[d]);
        return out;
    }

    /**
     * Log densities of rows of a row-major array with {@code stride} columns, reading this mixture's
     * coordinates from columns {@code offset .. offset + dim() - 1}. Scratch arrays of length {@code k}
     * and {@code d} keep the loop allocation-free.
     */
    void logDensities(double[] data, int n, int offset, int stride, double[] out, double[] comp, double[] z) {
        if (k == 1) {
            double norm = logNorm[0];
            for (int r = 0; r < n; r++) {
                out[r] = norm - 0.5 * mahalanobis(0, data, r * stride + offset, z);
            }
            return;
        }
        for (int r = 0; r < n; r++) {
            int base = r * stride + offset;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double q = mahalanobis(c, data, base, z);
                double lp = logNorm[c] - 0.5 * q;
                comp[c] = lp;
                if (lp > max) {
                    max = lp;
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                out[r] = max;
                continue;
            }
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += Math.exp(comp[c] - max);
            }
            out[r] = max + Math.log(s);
        }
    }

    /** Squared Mahalanobis distance of {@code data[base..base+d)} to component c (forward substitution). */
    double mahalanobis(int c, double[] data, int base, double[] z) {
        double[] l = chol[c];
        double[] mu = means[c];
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = data[base + i] - mu[i];
            int row = i * d;
            for (int p = 0; p < i; p++) {
                s -= l[row + p] * z[p];
            }
            double zi = s / l[row + i];
            z[i] = zi;
            q += zi * zi;
        }
        return q;
    }

    /** {@code log w_c + log N(.; mu_c, Sigma_c)} normaliser, for EM. */
    double logNorm(int c) {
        return logNorm[c];
    }

    /** Draws {@code n} samples, row-major {@code [n, dim()]}. */
    public double[] sample(int n, UniformRandomProvider rng) {
        Checks.atLeast("n", n, 1);
        Checks.notNull("rng", rng);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] cum = new double[k];
        double acc = 0;
        for (int c = 0; c < k; c++) {
            acc += weights[c];
            cum[c] = acc;
        }
        double[] out = new double[n * d];
        double[] e = new double[d];
        for (int r = 0; r < n; r++) {
            double u = rng.nextDouble() * acc;
            int c = 0;
            while (c < k - 1 && u >= cum[c]) {
                c++;
            }
            for (int i = 0; i < d; i++) {
                e[i] = g.sample();
            }
            double[] l = chol[c];
            int base = r * d;
            for (int i = 0; i < d; i++) {
                double s = means[c][i];
                for (int p = 0; p <= i; p++) {
                    s += l[i * d + p] * e[p];
                }
                out[base + i] = s;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Mixture[k=" + k + ", d=" + d + ", weights=" + Arrays.toString(weights) + "]";
    }
}
