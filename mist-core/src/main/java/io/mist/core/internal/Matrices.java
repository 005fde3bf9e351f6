package io.mist.core.internal;

import io.mist.core.Samples;

/** Dense symmetric-matrix helpers on {@code double[][]}: Cholesky, log-determinant, covariance, blocks. */
public final class Matrices {
    private Matrices() {
    }

    /**
     * Lower Cholesky factor {@code L} with {@code a = L L^T}; only the lower triangle of {@code a} is read.
     *
     * @throws IllegalArgumentException if {@code a} is not square or not positive definite
     */
    public static double[][] cholesky(double[][] a) {
        Checks.notNull("matrix", a);
        int d = a.length;
        for (int i = 0; i < d; i++) {
            if (a[i] == null || a[i].length != d) {
                throw Checks.fail("matrix must be square: row %d has %s columns, expected %d", i,
                        a[i] == null ? "no" : Integer.toString(a[i].length), d);
            }
        }
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw Checks.fail("matrix is not positive definite (pivot %d is %s); "
                                + "columns may be collinear or constant", i, s);
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** {@code log det(a)} for a symmetric positive-definite matrix, via Cholesky. */
    public static double logDet(double[][] a) {
        double[][] l = cholesky(a);
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /** The square block of {@code a} at the given row/column indices. */
    public static double[][] block(double[][] a, int[] idx) {
        return block(a, idx, idx);
    }

    /** The block of {@code a} at {@code rows x cols}. */
    public static double[][] block(double[][] a, int[] rows, int[] cols) {
        double[][] b = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                b[i][j] = a[rows[i]][cols[j]];
            }
        }
        return b;
    }

    /** Indices {@code from, from+1, ..., to-1}. */
    public static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Concatenation of index arrays. */
    public static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * Sample covariance (denominator {@code n - 1}) of the columns of {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} has fewer than 2 rows
     */
    public static double[][] covariance(Samples s) {
        int n = s.n();
        if (n < 2) {
            throw Checks.fail("a sample covariance needs at least 2 samples, got %d", n);
        }
        int d = s.dim();
        double[] m = s.means();
        double[] v = s.toRowMajor();
        double[][] c = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                row[j] = v[i * d + j] - m[j];
            }
            for (int j = 0; j < d; j++) {
                double rj = row[j];
                for (int k = 0; k <= j; k++) {
                    c[j][k] += rj * row[k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                c[j][k] /= (n - 1);
                c[k][j] = c[j][k];
            }
        }
        return c;
    }

    /** Solves {@code a X = b} for symmetric positive-definite {@code a} (b is {@code [d, m]}). */
    public static double[][] solve(double[][] a, double[][] b) {
        double[][] l = cholesky(a);
        int d = a.length;
        int m = b[0].length;
        double[][] x = new double[d][m];
        for (int c = 0; c < m; c++) {
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                double s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            for (int i = d - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < d; k++) {
                    s -= l[k][i] * x[k][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }

    /** Matrix product. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int r = a.length;
        int inner = b.length;
        int c = b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                for (int j = 0; j < c; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    /** Transpose. */
    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /**
     * Gaussian mutual information between the first {@code dx} coordinates and the rest, for a joint
     * covariance {@code cov}: {@code 0.5 (log det Sxx + log det Syy - log det S)}.
     */
    public static double gaussianMutualInformation(double[][] cov, int dx) {
        int d = cov.length;
        int[] xi = range(0, dx);
        int[] yi = range(dx, d);
        return 0.5 * (logDet(block(cov, xi)) + logDet(block(cov, yi)) - logDet(cov));
    }
}
