package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;
import io.mist.estimators.quantized.KMeans;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * How EM is started, with the option spellings and definitions of GMM-MI (Piras et al. 2023, "A robust
 * estimator of mutual information for deep learning interpretability", sec. 2, and the documentation of its
 * {@code initializations} module). {@code k} is the number of components, {@code d} the dimension, {@code s}
 * the {@code scale} option; {@code reg_covar} is added to every initial covariance diagonal.
 *
 * <ul>
 *   <li>{@code random_sklearn} (default): random responsibilities, uniform on [0, 1] and normalised per row,
 *       then one M-step (scikit-learn's {@code init_params="random"}).</li>
 *   <li>{@code kmeans_sklearn}: k-means++ seeding, Lloyd iterations, hard responsibilities, one M-step
 *       (scikit-learn's default {@code init_params="kmeans"}).</li>
 *   <li>{@code random}: equal weights; each mean is a data point drawn at random plus an offset drawn from
 *       {@code N(0, s^2 I)}; covariances {@code s^2 I}.</li>
 *   <li>{@code minmax}: equal weights; means uniform in the bounding box {@code [min_j, max_j]} of the data;
 *       covariances {@code s^2 I}.</li>
 *   <li>{@code kmeans}: Lloyd k-means from {@code k} distinct random data points; weights the cluster
 *       fractions, means the cluster means, covariances the cluster scatter {@code sum (v - m)(v - m)^T}
 *       divided by the total {@code n} (GMM-MI's normalisation, i.e. the weight times the cluster
 *       covariance).</li>
 *   <li>{@code randomized_kmeans}: as {@code kmeans}, then each mean is pushed by {@code s} times a draw from
 *       {@code N(0, Sigma_c)} of its own initial covariance, so that initialisations differ more.</li>
 * </ul>
 * {@code scale = 0} (the default) means GMM-MI's automatic value: for {@code random} and {@code minmax} the
 * radius of the {@code d}-ball whose volume is the bounding-box volume of the data divided by {@code k},
 * {@code s = (V / k * Gamma(d/2 + 1))^(1/d) / sqrt(pi)}, so that the components together fill the data's
 * range; for {@code randomized_kmeans} {@code s = 1}. The sklearn types ignore {@code scale}.
 *
 * <p>Where GMM-MI would start from a singular matrix (a k-means cluster with at most {@code d} points, or a
 * zero-width bounding box), the component gets covariance {@code s_auto^2 I} and, when empty, the weight of
 * one point, so EM never starts from a degenerate component.
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
        throw Checks.invalid("init_type", "init_type: unknown value '%s'; expected one of %s", text,
                Arrays.toString(labels()));
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
     * @param scale width {@code s} in data units for {@code random}, {@code minmax} and
     *     {@code randomized_kmeans}; 0 or less: GMM-MI's automatic value
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
                double sc = scale > 0 ? scale : automaticScale(data, n, d, k);
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                double[][] mu = new double[k][];
                for (int c = 0; c < k; c++) {
                    int row = rng.nextInt(n);
                    mu[c] = Arrays.copyOfRange(data, row * d, row * d + d);
                    for (int j = 0; j < d; j++) {
                        mu[c][j] += sc * g.sample();
                    }
                }
                return isotropic(mu, sc, regCovar);
            }
            case MINMAX: {
                double sc = scale > 0 ? scale : automaticScale(data, n, d, k);
                double[] lo = new double[d];
                double[] hi = new double[d];
                bounds(data, n, d, lo, hi);
                double[][] mu = new double[k][d];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < d; j++) {
                        mu[c][j] = lo[j] + rng.nextDouble() * (hi[j] - lo[j]);
                    }
                }
                return isotropic(mu, sc, regCovar);
            }
            case KMEANS:
            case RANDOMIZED_KMEANS: {
                int[] perm = io.mist.core.internal.Seeds.permutation(n, rng);
                double[][] centres = new double[k][];
                for (int c = 0; c < k; c++) {
                    centres[c] = Arrays.copyOfRange(data, perm[c] * d, perm[c] * d + d);
                }
                int[] labels = KMeans.cluster(data, n, d, centres, 300, 1e-4);
                double push = this == KMEANS ? 0.0 : scale > 0 ? scale : 1.0;
                return fromClusters(data, n, d, centres, labels, push, regCovar, rng);
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    /**
     * GMM-MI's automatic scale for {@code random} and {@code minmax}: the radius of the {@code d}-ball whose
     * volume is the data's bounding-box volume divided by {@code k}. A zero-width box falls back to the
     * radius computed from the column standard deviations, and finally to 1.
     */
    static double automaticScale(double[] data, int n, int d, int k) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        bounds(data, n, d, lo, hi);
        double logVolume = 0;
        for (int j = 0; j < d; j++) {
            logVolume += Math.log(hi[j] - lo[j]);
        }
        if (!Double.isFinite(logVolume)) {
            double[] v = KMeans.variances(data, n, d);
            logVolume = 0;
            for (int j = 0; j < d; j++) {
                logVolume += 0.5 * Math.log(v[j]);
            }
            if (!Double.isFinite(logVolume)) {
                return 1.0;
            }
        }
        double logRadius = (logVolume - Math.log(k) + io.mist.core.internal.Special.logGamma(0.5 * d + 1)) / d
                - 0.5 * Math.log(Math.PI);
        return Math.exp(logRadius);
    }

    private static void bounds(double[] data, int n, int d, double[] lo, double[] hi) {
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], data[r * d + j]);
                hi[j] = Math.max(hi[j], data[r * d + j]);
            }
        }
    }

    /** Equal weights, covariances {@code s^2 I + reg_covar I}. */
    private static Mixture isotropic(double[][] mu, double s, double regCovar) {
        int k = mu.length;
        int d = mu[0].length;
        double[] weights = new double[k];
        double[][][] cov = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            weights[c] = 1.0 / k;
            for (int j = 0; j < d; j++) {
                cov[c][j][j] = s * s + regCovar;
            }
        }
        return Mixture.of(weights, mu, cov);
    }

    /**
     * Weights, means and scatter / n of k-means clusters; with {@code push > 0} each mean then moves by
     * {@code push} times a draw from {@code N(0, Sigma_c)}.
     */
    private static Mixture fromClusters(double[] data, int n, int d, double[][] centres, int[] labels, double push,
            double regCovar, UniformRandomProvider rng) {
        int k = centres.length;
        int[] counts = new int[k];
        double[][] mu = new double[k][d];
        for (int r = 0; r < n; r++) {
            int c = labels[r];
            counts[c]++;
            for (int j = 0; j < d; j++) {
                mu[c][j] += data[r * d + j];
            }
        }
        double[][][] cov = new double[k][d][d];
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mu[c][j] = counts[c] > 0 ? mu[c][j] / counts[c] : centres[c][j];
            }
            weights[c] = Math.max(counts[c], 1) / (double) n;
        }
        for (int r = 0; r < n; r++) {
            double[] m = mu[labels[r]];
            double[][] s = cov[labels[r]];
            for (int i = 0; i < d; i++) {
                double ei = data[r * d + i] - m[i];
                for (int j = 0; j < d; j++) {
                    s[i][j] += ei * (data[r * d + j] - m[j]) / n;
                }
            }
        }
        double fallback = Double.NaN;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                cov[c][j][j] += regCovar;
            }
            if (counts[c] <= d || Mixture.choleskyOrNull(cov[c], d) == null) {
                if (Double.isNaN(fallback)) {
                    fallback = automaticScale(data, n, d, k);
                }
                for (int i = 0; i < d; i++) {
                    Arrays.fill(cov[c][i], 0.0);
                    cov[c][i][i] = fallback * fallback + regCovar;
                }
            }
        }
        if (push > 0) {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] z = new double[d];
            for (int c = 0; c < k; c++) {
                double[] l = Mixture.choleskyOrNull(cov[c], d);
                for (int j = 0; j < d; j++) {
                    z[j] = g.sample();
                }
                for (int i = 0; i < d; i++) {
                    double step = 0;
                    for (int j = 0; j <= i; j++) {
                        step += l[i * d + j] * z[j];
                    }
                    mu[c][i] += push * step;
                }
            }
        }
        return Mixture.of(weights, mu, cov);
    }
}
