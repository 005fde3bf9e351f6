package io.mist.estimators.gmm;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * k-means for initialising EM: k-means++ seeding (Arthur and Vassilvitskii 2007: each new centre drawn with
 * probability proportional to the squared distance to the nearest chosen one) and Lloyd's iterations until
 * the total squared centre shift falls below {@code tol} times the mean column variance.
 */
final class KMeans {
    private KMeans() {
    }

    /** k-means++ seeds, {@code [k][d]}. */
    static double[][] plusPlus(double[] data, int n, int d, int k, UniformRandomProvider rng) {
        double[][] centres = new double[k][];
        int first = rng.nextInt(n);
        centres[0] = Arrays.copyOfRange(data, first * d, first * d + d);
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            double[] prev = centres[c - 1];
            for (int r = 0; r < n; r++) {
                double s = sq(data, r * d, prev, d);
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

    /** Lloyd's iterations from {@code centres} (updated in place); returns the labels. */
    static int[] cluster(double[] data, int n, int d, double[][] centres, int maxIter, double tol) {
        int k = centres.length;
        double[] v = InitType.variances(data, n, d);
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
                int best = 0;
                double bd = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = sq(data, r * d, centres[c], d);
                    if (s < bd) {
                        bd = s;
                        best = c;
                    }
                }
                labels[r] = best;
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

    private static double sq(double[] data, int base, double[] c, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double e = data[base + j] - c[j];
            s += e * e;
        }
        return s;
    }
}
