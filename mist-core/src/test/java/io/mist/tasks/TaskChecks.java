package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mist.core.Samples;

import java.util.Arrays;

/**
 * Test helpers for the tasks: sample moments of {@code [x, y]} and a small LU decomposition, written
 * independently of {@link io.mist.core.internal.Matrices} so that the checks do not reuse the code they check.
 */
final class TaskChecks {
    private TaskChecks() {
    }

    /** Joint rows {@code [x_i, y_i]}. */
    static double[][] joint(TaskSample s) {
        return Samples.concat(s.x(), s.y()).toArray();
    }

    static double[] means(double[][] v) {
        double[] m = new double[v[0].length];
        for (double[] row : v) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < m.length; j++) {
            m[j] /= v.length;
        }
        return m;
    }

    /** Second moments about the known mean 0, {@code sum v_i v_j / n}. */
    static double[][] secondMoments(double[][] v) {
        int d = v[0].length;
        double[][] c = new double[d][d];
        for (double[] row : v) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] /= v.length;
            }
        }
        return c;
    }

    /**
     * Checks that the sample means are within {@code z} standard errors of 0 and the second moments within
     * {@code z} standard errors of {@code cov}; {@code fourthFactor} is {@code E[v_i v_j v_k v_l]} divided by
     * its Gaussian value (1 for Gaussians, {@code (nu - 2) / (nu - 4)} for a Student-t), so that
     * {@code Var(v_i v_j) = fourthFactor (c_ii c_jj + 2 c_ij^2) - c_ij^2}.
     */
    static void assertMoments(TaskSample s, double[][] cov, double fourthFactor, double z) {
        double[][] v = joint(s);
        int n = v.length;
        double[] m = means(v);
        double[][] c = secondMoments(v);
        for (int i = 0; i < cov.length; i++) {
            double se = Math.sqrt(cov[i][i] / n);
            assertEquals(0.0, m[i], z * se, "mean of coordinate " + i);
            for (int j = 0; j < cov.length; j++) {
                double var = fourthFactor * (cov[i][i] * cov[j][j] + 2 * cov[i][j] * cov[i][j]) - cov[i][j] * cov[i][j];
                assertEquals(cov[i][j], c[i][j], z * Math.sqrt(var / n), "second moment " + i + "," + j);
            }
        }
    }

    /** Asserts that two samples are equal value by value. */
    static void assertSameSamples(TaskSample a, TaskSample b) {
        assertEquals(Arrays.toString(a.x().toRowMajor()), Arrays.toString(b.x().toRowMajor()));
        assertEquals(Arrays.toString(a.y().toRowMajor()), Arrays.toString(b.y().toRowMajor()));
    }

    /** Asserts that two samples differ in x and in y. */
    static void assertDifferentSamples(TaskSample a, TaskSample b) {
        assertFalse(Arrays.equals(a.x().toRowMajor(), b.x().toRowMajor()), "x should differ");
        assertFalse(Arrays.equals(a.y().toRowMajor(), b.y().toRowMajor()), "y should differ");
    }

    /** LU decomposition with partial pivoting (Doolittle), for determinants and inverses in tests. */
    static final class Lu {
        private final double[][] lu;
        private final int[] perm;
        private final int sign;

        Lu(double[][] a) {
            int d = a.length;
            lu = new double[d][];
            for (int i = 0; i < d; i++) {
                lu[i] = a[i].clone();
            }
            perm = new int[d];
            for (int i = 0; i < d; i++) {
                perm[i] = i;
            }
            int s = 1;
            for (int k = 0; k < d; k++) {
                int p = k;
                for (int i = k + 1; i < d; i++) {
                    if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                        p = i;
                    }
                }
                if (p != k) {
                    double[] t = lu[p];
                    lu[p] = lu[k];
                    lu[k] = t;
                    int tp = perm[p];
                    perm[p] = perm[k];
                    perm[k] = tp;
                    s = -s;
                }
                for (int i = k + 1; i < d; i++) {
                    lu[i][k] /= lu[k][k];
                    for (int j = k + 1; j < d; j++) {
                        lu[i][j] -= lu[i][k] * lu[k][j];
                    }
                }
            }
            sign = s;
        }

        double determinant() {
            double det = sign;
            for (int i = 0; i < lu.length; i++) {
                det *= lu[i][i];
            }
            return det;
        }

        double[][] inverse() {
            int d = lu.length;
            double[][] inv = new double[d][d];
            for (int c = 0; c < d; c++) {
                double[] x = new double[d];
                for (int i = 0; i < d; i++) {
                    double s = perm[i] == c ? 1 : 0;
                    for (int k = 0; k < i; k++) {
                        s -= lu[i][k] * x[k];
                    }
                    x[i] = s;
                }
                for (int i = d - 1; i >= 0; i--) {
                    double s = x[i];
                    for (int k = i + 1; k < d; k++) {
                        s -= lu[i][k] * x[k];
                    }
                    x[i] = s / lu[i][i];
                }
                for (int i = 0; i < d; i++) {
                    inv[i][c] = x[i];
                }
            }
            return inv;
        }
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (int k = 0; k < b.length; k++) {
                    s += a[i][k] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] sub(double[][] a, int r0, int r1, int c0, int c1) {
        double[][] b = new double[r1 - r0][c1 - c0];
        for (int i = r0; i < r1; i++) {
            for (int j = c0; j < c1; j++) {
                b[i - r0][j - c0] = a[i][j];
            }
        }
        return b;
    }

    /** {@code v^T A v}. */
    static double quadratic(double[][] a, double[] v, int from) {
        double q = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                q += v[from + i] * a[i][j] * v[from + j];
            }
        }
        return q;
    }

    /** Mean and standard error of {@code values}: {@code {mean, sd / sqrt(n)}}. */
    static double[] meanAndStandardError(double[] values) {
        double m = 0;
        for (double v : values) {
            m += v;
        }
        m /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return new double[] {m, Math.sqrt(ss / (values.length - 1) / values.length)};
    }
}
