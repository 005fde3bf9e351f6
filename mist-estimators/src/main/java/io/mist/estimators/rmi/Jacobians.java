package io.mist.estimators.rmi;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.train.internal.NpyHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Jacobians {@code J_i = d f(x_i) / d x} of a feature {@code y = f(x)} at {@code n} samples: an immutable
 * {@code [n, dy, dx]} array (sample, feature component, input component), stored row-major. Validated on
 * construction: every entry finite.
 */
public final class Jacobians {
    private final double[] values;
    private final int n;
    private final int dy;
    private final int dx;

    private Jacobians(double[] values, int n, int dy, int dx) {
        this.values = values;
        this.n = n;
        this.dy = dy;
        this.dx = dx;
    }

    /**
     * Jacobians from {@code j[i][a][b] = d y_a / d x_b} at sample {@code i} (copied).
     *
     * @throws IllegalArgumentException if the array is not a non-empty {@code [n, dy, dx]} box of finite values
     */
    public static Jacobians of(double[][][] j) {
        Checks.notNull("jacobians", j);
        if (j.length == 0 || j[0] == null || j[0].length == 0 || j[0][0] == null || j[0][0].length == 0) {
            throw Checks.fail("jacobians must have shape [n, dy, dx] with n, dy, dx >= 1");
        }
        int n = j.length;
        int dy = j[0].length;
        int dx = j[0][0].length;
        double[] flat = new double[Math.multiplyExact(Math.multiplyExact(n, dy), dx)];
        for (int i = 0; i < n; i++) {
            if (j[i] == null || j[i].length != dy) {
                throw Checks.fail("jacobians: sample %d has %d rows, sample 0 has %d; the array must be [n, dy, dx]",
                        i, j[i] == null ? 0 : j[i].length, dy);
            }
            for (int a = 0; a < dy; a++) {
                if (j[i][a] == null || j[i][a].length != dx) {
                    throw Checks.fail("jacobians: sample %d, row %d has %d columns, expected dx = %d", i, a,
                            j[i][a] == null ? 0 : j[i][a].length, dx);
                }
                System.arraycopy(j[i][a], 0, flat, (i * dy + a) * dx, dx);
            }
        }
        return ofRowMajor("jacobians", flat, n, dy, dx);
    }

    /**
     * Jacobians from a row-major array of {@code n * dy * dx} values (copied); problems are reported against
     * {@code name}.
     *
     * @throws IllegalArgumentException if the length does not match or a value is not finite
     */
    public static Jacobians ofRowMajor(String name, double[] rowMajor, int n, int dy, int dx) {
        Checks.notNull(name, rowMajor);
        if (n < 1 || dy < 1 || dx < 1) {
            throw Checks.fail("%s must have shape [n, dy, dx] with n, dy, dx >= 1, got [%d, %d, %d]", name, n, dy, dx);
        }
        long size = (long) n * dy * dx;
        if (rowMajor.length != size) {
            throw Checks.fail("%s: %d values do not fill shape [%d, %d, %d]", name, rowMajor.length, n, dy, dx);
        }
        for (int k = 0; k < rowMajor.length; k++) {
            if (!Double.isFinite(rowMajor[k])) {
                int i = k / (dy * dx);
                throw Checks.fail("%s: entry [%d, %d, %d] is %s; the Jacobian must be finite", name, i,
                        (k / dx) % dy, k % dx, Double.isNaN(rowMajor[k]) ? "NaN" : "infinite");
            }
        }
        return new Jacobians(rowMajor.clone(), n, dy, dx);
    }

    /**
     * Reads a 3-D {@code .npy} file of shape {@code [n, dy, dx]} (a 2-D {@code [n, dx]} file is read as
     * {@code dy = 1}, the gradients of a scalar feature); problems are reported against {@code name} (the
     * option or flag the user typed, e.g. {@code jacobian}).
     *
     * @throws IllegalArgumentException if the file is missing, not a {@code .npy} file, or not of that shape
     */
    public static Jacobians readNpy(String name, Path file) {
        Checks.notNull(name, file);
        if (!Files.isRegularFile(file)) {
            throw Checks.fail("%s: file %s does not exist; give a .npy file of shape [n, dy, dx]", name, file);
        }
        try {
            NpyHeader h = NpyHeader.read(name, file, 3);
            List<Integer> shape = h.shape();
            if (shape.size() == 1) {
                throw Checks.fail("%s: %s holds a 1-D array of shape (%d); the Jacobian must be [n, dy, dx] "
                        + "(or [n, dx] for a scalar feature)", name, file, shape.get(0));
            }
            int dy = shape.size() == 3 ? shape.get(1) : 1;
            int dx = shape.get(shape.size() - 1);
            return ofRowMajor(name + " (" + file.getFileName() + ")", h.readAll(), h.rows(), dy, dx);
        } catch (IOException e) {
            throw new UncheckedIOException(Checks.format("%s: cannot read %s: %s", name, file, e.getMessage()), e);
        }
    }

    /** Number of samples. */
    public int n() {
        return n;
    }

    /** Feature dimension (rows of each Jacobian). */
    public int dy() {
        return dy;
    }

    /** Input dimension (columns of each Jacobian). */
    public int dx() {
        return dx;
    }

    /** Entry {@code d y_a / d x_b} at sample {@code i}. */
    public double get(int i, int a, int b) {
        return values[(i * dy + a) * dx + b];
    }

    /** A copy of the values, row-major {@code [n, dy, dx]}. */
    public double[] toRowMajor() {
        return values.clone();
    }

    /** The Jacobians of the samples {@code indices}, in that order (repeats allowed). */
    public Jacobians rows(int[] indices) {
        int block = dy * dx;
        double[] out = new double[Math.multiplyExact(indices.length, block)];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(values, indices[k] * block, out, k * block, block);
        }
        return new Jacobians(out, indices.length, dy, dx);
    }

    /**
     * {@code log det(J_i J_i^T)} at sample {@code i}, by a Cholesky factorisation of the {@code dy x dy} Gram
     * matrix; {@link Double#NEGATIVE_INFINITY} when it is singular (rank below {@code dy}, including every
     * {@code dy > dx}).
     */
    public double logDetGram(int i) {
        double[] g = new double[dy * dy];
        int base = i * dy * dx;
        for (int a = 0; a < dy; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int c = 0; c < dx; c++) {
                    s += values[base + a * dx + c] * values[base + b * dx + c];
                }
                g[a * dy + b] = s;
            }
        }
        // in-place Cholesky of the lower triangle; a pivot that is not clearly positive relative to its
        // diagonal entry means rank deficiency
        double logDet = 0;
        for (int a = 0; a < dy; a++) {
            double diag = g[a * dy + a];
            double d = diag;
            for (int c = 0; c < a; c++) {
                d -= g[a * dy + c] * g[a * dy + c];
            }
            if (!(d > SINGULAR_RELATIVE_PIVOT * diag) || !(d > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double l = Math.sqrt(d);
            g[a * dy + a] = l;
            for (int b = a + 1; b < dy; b++) {
                double s = g[b * dy + a];
                for (int c = 0; c < a; c++) {
                    s -= g[b * dy + c] * g[a * dy + c];
                }
                g[b * dy + a] = s / l;
            }
            logDet += 2 * Math.log(l);
        }
        return Double.isFinite(logDet) ? logDet : Double.NEGATIVE_INFINITY;
    }

    /**
     * A Cholesky pivot below this fraction of its diagonal entry of {@code J J^T} counts as singular: the rows of
     * {@code J} are then parallel to about 1e-12 in relative terms, which is the rounding level of the Gram
     * matrix in double precision.
     */
    static final double SINGULAR_RELATIVE_PIVOT = 1e-12;

    @Override
    public String toString() {
        return Checks.format("Jacobians[n=%d, dy=%d, dx=%d]", n, dy, dx);
    }

    /** Fails with the one message all features give unless {@code x} has the feature's {@code dx} columns. */
    static void requireInputs(Samples x, int dx) {
        Checks.notNull("x", x);
        if (x.dim() != dx) {
            throw Checks.fail("x has %d columns but the feature takes dx = %d inputs", x.dim(), dx);
        }
    }
}
