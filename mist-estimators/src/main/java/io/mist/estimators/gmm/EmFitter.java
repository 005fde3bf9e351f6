package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expectation-maximisation for full-covariance Gaussian mixtures on a row-major {@code [n, d]} array
 * (Dempster, Laird and Rubin 1977; Bishop, "Pattern Recognition and Machine Learning", sec. 9.2.2).
 *
 * <p>E-step: {@code log r_ik = log w_k + log N(x_i; mu_k, Sigma_k) - logsumexp_j(...)} with Cholesky
 * log-densities; the mean log-likelihood {@code L = mean_i logsumexp_k(...)} is the convergence monitor.
 * M-step: {@code N_k = sum_i r_ik (+ 10 eps)}, {@code w_k = N_k / n}, {@code mu_k = sum_i r_ik x_i / N_k},
 * {@code Sigma_k = sum_i r_ik (x_i - mu_k)(x_i - mu_k)^T / N_k + reg_covar I} (as scikit-learn's
 * {@code GaussianMixture} documents). Iteration stops when {@code |L_t - L_{t-1}| < tol} or after
 * {@code maxIter} M-steps; the returned parameters are those whose {@code L} was last computed.
 *
 * <p>Loops run over plain arrays, components outermost and samples innermost, with no allocation inside
 * an iteration. A covariance that is not numerically positive definite (exact duplicates, collinear
 * points) gets a growing diagonal jitter and a diagnostic; the fit never returns NaN.
 */
final class EmFitter {
    private static final double EPS10 = 10 * Math.ulp(1.0);

    private EmFitter() {
    }

    /**
     * Outcome of one EM run.
     *
     * @param mixture fitted parameters
     * @param meanLogLikelihood mean log-likelihood of the training data under {@code mixture}
     * @param iterations M-steps performed
     * @param converged whether the tolerance was reached before {@code maxIter}
     * @param trace mean log-likelihood after each E-step (length {@code iterations + 1} at most)
     * @param diagnostics warnings in words (jitter added, collapsed components)
     */
    public record Result(Mixture mixture, double meanLogLikelihood, int iterations, boolean converged,
            double[] trace, List<String> diagnostics) {
        /** Defensive copies. */
        public Result {
            trace = trace.clone();
            diagnostics = List.copyOf(diagnostics);
        }

        /** A copy of the log-likelihood trace. */
        @Override
        public double[] trace() {
            return trace.clone();
        }
    }

    /**
     * Runs EM from {@code start}.
     *
     * @param data row-major {@code [n, d]}
     * @param regCovar non-negative value added to every covariance diagonal
     * @param tol tolerance on the change of the mean log-likelihood
     * @param maxIter maximum number of M-steps (0: only evaluate {@code start})
     */
    public static Result fit(double[] data, int n, int d, Mixture start, double regCovar, double tol, int maxIter) {
        Checks.notNull("data", data);
        Checks.notNull("start", start);
        if (data.length != n * d || n < 1) {
            throw Checks.fail("data: length %d does not match n = %d, d = %d", data.length, n, d);
        }
        if (start.dim() != d) {
            throw Checks.fail("start: mixture dimension %d, data dimension %d", start.dim(), d);
        }
        Checks.nonNegative("reg_covar", regCovar);
        Checks.nonNegative("threshold_fit", tol);
        Checks.atLeast("max_iter", maxIter, 0);
        int k = start.components();
        double[][] resp = new double[k][n];
        double[] z = new double[d];
        List<String> diag = new ArrayList<>();
        double[] trace = new double[Math.min(maxIter, 100_000) + 1];
        Mixture current = start;
        double prev = Double.NaN;
        int it = 0;
        boolean converged = false;
        double ll;
        while (true) {
            ll = eStep(data, n, d, current, resp, z);
            if (it < trace.length) {
                trace[it] = ll;
            }
            if (it > 0 && Math.abs(ll - prev) < tol) {
                converged = true;
                break;
            }
            if (it >= maxIter) {
                break;
            }
            prev = ll;
            current = mStep(data, n, d, resp, regCovar, diag);
            it++;
        }
        collapseDiagnostics(data, n, d, current, regCovar, diag);
        return new Result(current, ll, it, converged, Arrays.copyOf(trace, Math.min(it + 1, trace.length)), diag);
    }

    /**
     * One E-step: fills {@code resp[k][n]} with responsibilities and returns the mean log-likelihood.
     * Each column of {@code resp} sums to 1.
     */
    static double eStep(double[] data, int n, int d, Mixture m, double[][] resp, double[] z) {
        int k = m.components();
        for (int c = 0; c < k; c++) {
            double[] lp = resp[c];
            double norm = m.logNorm(c);
            for (int r = 0; r < n; r++) {
                lp[r] = norm - 0.5 * m.mahalanobis(c, data, r * d, z);
            }
        }
        double total = 0;
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, resp[c][r]);
            }
            double s = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(resp[c][r] - max);
                resp[c][r] = e;
                s += e;
            }
            double inv = 1.0 / s;
            for (int c = 0; c < k; c++) {
                resp[c][r] *= inv;
            }
            total += max + Math.log(s);
        }
        return total / n;
    }

    /** Responsibilities of each row under {@code m}, {@code [k][n]}; each column sums to 1. */
    public static double[][] responsibilities(double[] data, int n, int d, Mixture m) {
        double[][] resp = new double[m.components()][n];
        eStep(data, n, d, m, resp, new double[d]);
        return resp;
    }

    /** Mean log-likelihood of {@code n} rows under {@code m}. */
    public static double meanLogLikelihood(double[] data, int n, int d, Mixture m) {
        double[] lp = m.logDensities(data, n);
        double s = 0;
        for (double v : lp) {
            s += v;
        }
        return s / n;
    }

    /** The M-step: maximum-likelihood parameters given responsibilities {@code [k][n]}. */
    static Mixture mStep(double[] data, int n, int d, double[][] resp, double regCovar, List<String> diag) {
        int k = resp.length;
        double[] w = new double[k];
        double[][] mu = new double[k][d];
        double[][][] cov = new double[k][d][d];
        double[] dev = new double[d];
        for (int c = 0; c < k; c++) {
            double[] rc = resp[c];
            double nk = EPS10;
            double[] m = mu[c];
            for (int r = 0; r < n; r++) {
                double g = rc[r];
                nk += g;
                int base = r * d;
                for (int i = 0; i < d; i++) {
                    m[i] += g * data[base + i];
                }
            }
            for (int i = 0; i < d; i++) {
                m[i] /= nk;
            }
            double[][] s = cov[c];
            for (int r = 0; r < n; r++) {
                double g = rc[r];
                if (g == 0) {
                    continue;
                }
                int base = r * d;
                for (int i = 0; i < d; i++) {
                    dev[i] = data[base + i] - m[i];
                }
                for (int i = 0; i < d; i++) {
                    double gi = g * dev[i];
                    double[] si = s[i];
                    for (int j = 0; j <= i; j++) {
                        si[j] += gi * dev[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = s[i][j] / nk;
                    s[i][j] = v;
                    s[j][i] = v;
                }
                s[i][i] += regCovar;
            }
            w[c] = nk / n;
            ensurePositiveDefinite(s, d, regCovar, c, diag);
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int c = 0; c < k; c++) {
            w[c] /= sum;
        }
        return Mixture.ofOwned(w, mu, cov);
    }

    /** Adds a growing diagonal jitter until {@code s} has a Cholesky factor; records that it did. */
    static void ensurePositiveDefinite(double[][] s, int d, double regCovar, int component, List<String> diag) {
        if (Mixture.choleskyOrNull(s, d) != null) {
            return;
        }
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, Math.abs(s[i][i]));
        }
        double jitter = Math.max(Math.max(regCovar, 1e-12 * scale), Double.MIN_NORMAL);
        for (int attempt = 0; attempt < 60; attempt++) {
            for (int i = 0; i < d; i++) {
                s[i][i] += jitter;
            }
            if (Mixture.choleskyOrNull(s, d) != null) {
                String msg = Checks.format("covariance of component %d was singular (duplicate or collinear points); "
                        + "added %.3g to its diagonal beyond reg_covar = %.3g", component, jitter, regCovar);
                if (!diag.contains(msg) && diag.size() < 20) {
                    diag.add(msg);
                }
                return;
            }
            jitter *= 10;
        }
        throw Checks.fail("covariance of component %d stays singular after jitter; increase reg_covar", component);
    }

    private static void collapseDiagnostics(double[] data, int n, int d, Mixture m, double regCovar,
            List<String> diag) {
        double minVar = Double.POSITIVE_INFINITY;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int r = 0; r < n; r++) {
                mean += data[r * d + j];
            }
            mean /= n;
            double v = 0;
            for (int r = 0; r < n; r++) {
                double e = data[r * d + j] - mean;
                v += e * e;
            }
            minVar = Math.min(minVar, v / n);
        }
        if (minVar > 0 && m.smallestPivot() < 1e-8 * minVar + 10 * regCovar) {
            diag.add(Checks.format("a component collapsed onto (near-)duplicate points: its smallest variance is "
                    + "%.3g against a data variance of %.3g; it is kept finite by reg_covar", m.smallestPivot(), minVar));
        }
    }
}
