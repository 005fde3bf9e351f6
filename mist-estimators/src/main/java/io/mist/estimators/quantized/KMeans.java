package io.mist.estimators.quantized;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * k-means clustering on row-major {@code double} data ({@code n} rows of {@code d} values): k-means++ seeding
 * (Arthur and Vassilvitskii 2007, "k-means++: The Advantages of Careful Seeding": the first centre a uniformly
 * drawn row, each further centre a row drawn with probability proportional to its squared distance to the
 * nearest centre chosen so far) and Lloyd's iterations (assign every row to its nearest centre, move every
 * centre to the mean of its rows) until the total squared centre shift falls below {@code tol} times the mean
 * column variance (scikit-learn's relative tolerance) or {@code maxIter} iterations have run. A cluster that
 * loses all its rows keeps its centre. Deterministic given the random source. Used by the
 * {@link KMeansQuantizer} and by the GMM's k-means initialisations.
 */
public final class KMeans {
    private KMeans() {
    }

    /** k-means++ seeds {@code [k][d]} drawn from the rows with {@code rng}. */
    public static double[][] plusPlus(double[] data, int n, int d, int k, UniformRandomProvider rng) {
        double[][] centres = new double[k][];
        int first = rng.nextInt(n);
        centres[0] = Arrays.copyOfRange(data, first * d, first * d + d);
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            double[] prev = centres[c - 1];
            for (int r = 0; r < n; r++) {
                double s = squaredDistance(data, r * d, prev, d);
                if (s < dist[r]) {
                    dist[r] = s;
                }
                total += dist[r];
            }
            int pick;
            if (total > 0) {
                double u = rng.nextDouble() * total;
                pick = n - 1;
                double acc = 0;
                for (int r = 0; r < n; r++) {
                    acc += dist[r];
                    if (u < acc) {
                        pick = r;
                        break;
                    }
                }
            } else {
                pick = rng.nextInt(n);
            }
            centres[c] = Arrays.copyOfRange(data, pick * d, pick * d + d);
        }
        return centres;
    }

    /** Lloyd's iterations from {@code centres} (updated in place); returns each row's cluster. */
    public static int[] cluster(double[] data, int n, int d, double[][] centres, int maxIter, double tol) {
        int k = centres.length;
        double[] v = variances(data, n, d);
        double meanVar = 0;
        for (double x : v) {
            meanVar += x;
        }
        meanVar /= d;
        int[] labels = new int[n];
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        for (int it = 0; it < maxIter; it++) {
            for (int r = 0; r < n; r++) {
                labels[r] = nearest(data, r * d, centres, d);
            }
            for (double[] s : sums) {
                Arrays.fill(s, 0);
            }
            Arrays.fill(counts, 0);
            for (int r = 0; r < n; r++) {
                int c = labels[r];
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c][j] += data[r * d + j];
                }
            }
            double shift = 0;
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    continue; // empty cluster keeps its centre
                }
                for (int j = 0; j < d; j++) {
                    double nc = sums[c][j] / counts[c];
                    double e = nc - centres[c][j];
                    shift += e * e;
                    centres[c][j] = nc;
                }
            }
            if (shift <= tol * meanVar) {
                break;
            }
        }
        return labels;
    }

    /** The index of the centre nearest to the row at {@code data[base .. base + d)} (the first on ties). */
    public static int nearest(double[] data, int base, double[][] centres, int d) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double s = squaredDistance(data, base, centres[c], d);
            if (s < bd) {
                bd = s;
                best = c;
            }
        }
        return best;
    }

    /** The inertia of {@code centres}: the sum over rows of the squared distance to the nearest centre. */
    public static double inertia(double[] data, int n, int d, double[][] centres) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            s += squaredDistance(data, r * d, centres[nearest(data, r * d, centres, d)], d);
        }
        return s;
    }

    /** Per-column population variances of the rows. */
    public static double[] variances(double[] data, int n, int d) {
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

    private static double squaredDistance(double[] data, int base, double[] c, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double e = data[base + j] - c[j];
            s += e * e;
        }
        return s;
    }
}
