package io.mist.estimators.gmm;

import io.mist.core.Checks;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How EM is started, with the option spellings of GMM-MI (Piras et al. 2023, "A robust estimator of
 * mutual information for deep learning interpretability", sec. 2). {@code v_j} below is the variance of
 * data column {@code j} and {@code s} the {@code scale} option.
 *
 * <ul>
 *   <li>{@code random_sklearn} (default): random responsibilities, uniform on [0, 1] and normalised per row,
 *       then one M-step (scikit-learn's {@code init_params="random"}).</li>
 *   <li>{@code kmeans_sklearn}: k-means++ seeding, Lloyd iterations, hard responsibilities, one M-step
 *       (scikit-learn's default {@code init_params="kmeans"}).</li>
 *   <li>{@code random}: means at {@code k} distinct random data points, covariances {@code s diag(v)},
 *       equal weights.</li>
 *   <li>{@code minmax}: means uniform in the box {@code [min_j, max_j]} of the data, covariances
 *       {@code s diag(v)}, equal weights.</li>
 *   <li>{@code kmeans}: Lloyd k-means from {@code k} random data points; means at the centroids, weights the
 *       cluster fractions, covariances {@code s diag(v)}.</li>
 *   <li>{@code randomized_kmeans}: as {@code kmeans}, then each centroid moved by a Gaussian step with
 *       covariance {@code s diag(v) / k} (about a cluster's own spread), so inits differ more.</li>
 * </ul>
 * The last four are our reading of the paper's description (the GPL code was not consulted).
 */
public enum InitType {
    /** Random responsibilities, then an M-step. */
    RANDOM_SKLEARN,
    /** k-means++ and k-means, hard responsibilities, then an M-step. */
    KMEANS_SKLEARN,
    /** Means at random data points. */
    RANDOM,
    /** Means uniform in the data's bounding box. */
    MINMAX,
    /** Means at k-means centroids. */
    KMEANS,
    /** k-means centroids, randomly perturbed. */
    RANDOMIZED_KMEANS;

    /** The option spelling, e.g. {@code random_sklearn}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an option spelling. */
    public static InitType parse(String text) {
        for (InitType t : values()) {
            if (t.label().equals(text)) {
                return t;
            }
        }
        throw Checks.fail("init_type: unknown value '%s'; expected one of %s", text, Arrays.toString(labels()));
    }

    /** All option spellings. */
    public static String[] labels() {
        InitType[] v = values();
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i].label();
        }
        return s;
    }

    /**
     * The starting mixture with {@code k} components for row-major {@code data [n, d]}.
     *
     * @param scale relative width {@code s} of the initial covariances (non-sklearn types)
     */
    public Mixture initial(double[] data, int n, int d, int k, double scale, double regCovar,
            UniformRandomProvider rng) {
        if (k > n) {
            throw Checks.fail("cannot initialise %d components from %d samples", k, n);
        }
        switch (this) {
            case RANDOM_SKLEARN: {
                double[][] resp = new double[k][n];
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        double u = rng.nextDouble();
                        resp[c][r] = u;
                        s += u;
                    }
                    for (int c = 0; c < k; c++) {
                        resp[c][r] /= s;
                    }
                }
                return EmFitter.mStep(data, n, d, resp, regCovar, new java.util.ArrayList<>());
            }
            case KMEANS_SKLEARN: {
                int[] labels = KMeans.cluster(data, n, d, KMeans.plusPlus(data, n, d, k, rng), 300, 1e-4);
                double[][] resp = new double[k][n];
                for (int r = 0; r < n; r++) {
                    resp[labels[r]][r] = 1;
                }
                return EmFitter.mStep(data, n, d, resp, regCovar, new java.util.ArrayList<>());
            }
            case RANDOM: {
                int[] perm = io.mist.core.Seeds.permutation(n, rng);
                double[][] mu = new double[k][];
                for (int c = 0; c < k; c++) {
                    mu[c] = Arrays.copyOfRange(data, perm[c] * d, perm[c] * d + d);
                }
                return withDiagonal(data, n, d, mu, null, scale, regCovar);
            }
            case MINMAX: {
                double[] lo = new double[d];
                double[] hi = new double[d];
                Arrays.fill(lo, Double.POSITIVE_INFINITY);
                Arrays.fill(hi, Double.NEGATIVE_INFINITY);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < d; j++) {
                        lo[j] = Math.min(lo[j], data[r * d + j]);
                        hi[j] = Math.max(hi[j], data[r * d + j]);
                    }
                }
                double[][] mu = new double[k][d];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < d; j++) {
                        mu[c][j] = lo[j] + rng.nextDouble() * (hi[j] - lo[j]);
                    }
                }
                return withDiagonal(data, n, d, mu, null, scale, regCovar);
            }
            case KMEANS:
            case RANDOMIZED_KMEANS: {
                int[] perm = io.mist.core.Seeds.permutation(n, rng);
                double[][] centres = new double[k][];
                for (int c = 0; c < k; c++) {
                    centres[c] = Arrays.copyOfRange(data, perm[c] * d, perm[c] * d + d);
                }
                int[] labels = KMeans.cluster(data, n, d, centres, 300, 1e-4);
                double[] w = new double[k];
                for (int l : labels) {
                    w[l] += 1;
                }
                if (this == RANDOMIZED_KMEANS) {
                    double[] v = variances(data, n, d);
                    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                    for (int c = 0; c < k; c++) {
                        for (int j = 0; j < d; j++) {
                            centres[c][j] += g.sample() * Math.sqrt(scale * v[j] / k);
                        }
                    }
                }
                return withDiagonal(data, n, d, centres, w, scale, regCovar);
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    private static Mixture withDiagonal(double[] data, int n, int d, double[][] mu, double[] w, double scale,
            double regCovar) {
        int k = mu.length;
        double[] v = variances(data, n, d);
        double[][][] cov = new double[k][d][d];
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = w == null ? 1.0 / k : Math.max(w[c], 1e-3);
            for (int j = 0; j < d; j++) {
                cov[c][j][j] = Math.max(scale * v[j], Double.MIN_NORMAL) + regCovar;
            }
        }
        return Mixture.of(weights, mu, cov);
    }

    static double[] variances(double[] data, int n, int d) {
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] v = new double[d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                double e = data[r * d + j] - mean[j];
                v[j] += e * e;
            }
        }
        for (int j = 0; j < d; j++) {
            v[j] /= n;
        }
        return v;
    }
}
