package io.mist.estimators.nonparametric;

import io.mist.core.internal.Special;

import java.util.Arrays;

/**
 * O(n^2) reference implementations of KSG algorithms 1 and 2 (Kraskov et al. 2004, eqs. 8 and 9) and of
 * conditional KSG (Frenzel and Pompe 2007), written straight from the formulas, for tie-free data.
 */
final class KsgBruteForce {
    private KsgBruteForce() {
    }

    private static double dist(double[][] a, int i, int j) {
        double m = 0;
        for (int c = 0; c < a[i].length; c++) {
            m = Math.max(m, Math.abs(a[i][c] - a[j][c]));
        }
        return m;
    }

    private static double[][] cat(double[][]... parts) {
        int n = parts[0].length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            int d = 0;
            for (double[][] p : parts) {
                d += p[i].length;
            }
            out[i] = new double[d];
            int o = 0;
            for (double[][] p : parts) {
                System.arraycopy(p[i], 0, out[i], o, p[i].length);
                o += p[i].length;
            }
        }
        return out;
    }

    /** The indices of the k nearest other points of i in a, nearest first. */
    private static int[] knn(double[][] a, int i, int k) {
        int n = a.length;
        Integer[] order = new Integer[n - 1];
        for (int j = 0, o = 0; j < n; j++) {
            if (j != i) {
                order[o++] = j;
            }
        }
        Arrays.sort(order, (p, q) -> Double.compare(dist(a, i, p), dist(a, i, q)));
        int[] out = new int[k];
        for (int r = 0; r < k; r++) {
            out[r] = order[r];
        }
        return out;
    }

    private static int count(double[][] a, int i, double radius, boolean strict) {
        int c = 0;
        for (int j = 0; j < a.length; j++) {
            if (j != i) {
                double t = dist(a, i, j);
                if (strict ? t < radius : t <= radius) {
                    c++;
                }
            }
        }
        return c;
    }

    /** KSG I(X;Y), algorithm 1 or 2. */
    static double mi(double[][] x, double[][] y, int k, int algorithm) {
        int n = x.length;
        double[][] z = cat(x, y);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int[] nb = knn(z, i, k);
            if (algorithm == 1) {
                double eps = dist(z, i, nb[k - 1]);
                sum += Special.digamma(count(x, i, eps, true) + 1) + Special.digamma(count(y, i, eps, true) + 1);
            } else {
                double ex = 0;
                double ey = 0;
                for (int j : nb) {
                    ex = Math.max(ex, dist(x, i, j));
                    ey = Math.max(ey, dist(y, i, j));
                }
                sum += Special.digamma(count(x, i, ex, false)) + Special.digamma(count(y, i, ey, false));
            }
        }
        double c = Special.digamma(k) + Special.digamma(n) - (algorithm == 2 ? 1.0 / k : 0.0);
        return c - sum / n;
    }

    /** Conditional KSG I(X;Y|Z), algorithm 1 (Frenzel and Pompe 2007). */
    static double cmi(double[][] x, double[][] y, double[][] z, int k) {
        int n = x.length;
        double[][] all = cat(x, y, z);
        double[][] xz = cat(x, z);
        double[][] yz = cat(y, z);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int[] nb = knn(all, i, k);
            double eps = dist(all, i, nb[k - 1]);
            sum += Special.digamma(count(z, i, eps, true) + 1) - Special.digamma(count(xz, i, eps, true) + 1)
                    - Special.digamma(count(yz, i, eps, true) + 1);
        }
        return Special.digamma(k) + sum / n;
    }
}
