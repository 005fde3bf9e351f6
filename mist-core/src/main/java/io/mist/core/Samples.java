package io.mist.core;

import io.mist.core.internal.Checks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * An immutable, validated {@code [n, d]} matrix of observations: row {@code i} is observation {@code i},
 * column {@code j} is variable {@code j}. Every factory checks that the input is non-empty, rectangular and
 * finite, and names the argument, row and column of the first problem it finds.
 *
 * <p>Values are stored once, row-major, as doubles; accessors that return arrays return copies.
 */
public final class Samples {
    /**
     * Relative spread at or below which a column counts as constant: a standard deviation of at most this
     * times the column's largest magnitude is rounding error (about 4500 ulps), not variation.
     */
    public static final double CONSTANT_RELATIVE_SPREAD = 1e-12;

    /** Magnitude below which squares lose precision (the square root of the smallest normal double). */
    private static final double SQUARE_UNDERFLOW = Math.sqrt(Double.MIN_NORMAL);

    private final double[] data;
    private final int n;
    private final int d;
    private final boolean discrete;

    private Samples(double[] data, int n, int d, boolean discrete) {
        this.data = data;
        this.n = n;
        this.d = d;
        this.discrete = discrete;
    }

    /** Samples from rows, validated under the argument name {@code "data"}. */
    public static Samples of(double[][] rows) {
        return of("data", rows);
    }

    /** Samples from rows; problems are reported against {@code name}. */
    public static Samples of(String name, double[][] rows) {
        Checks.notNull(name, rows);
        if (rows.length == 0) {
            throw Checks.fail("%s must have at least one row, got 0", name);
        }
        Checks.notNull(name + "[0]", rows[0]);
        int d = rows[0].length;
        if (d == 0) {
            throw Checks.fail("%s must have at least one column, got 0", name);
        }
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            if (row == null) {
                throw Checks.fail("%s: row %d is null", name, i);
            }
            if (row.length != d) {
                throw Checks.fail("%s: row %d has %d columns, expected %d (ragged rows)", name, i, row.length, d);
            }
            System.arraycopy(row, 0, flat, i * d, d);
        }
        return validated(name, flat, rows.length, d, false);
    }

    /** Samples from float rows; problems are reported against {@code name}. */
    public static Samples of(String name, float[][] rows) {
        Checks.notNull(name, rows);
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw Checks.fail("%s: row %d is null", name, i);
            }
            copy[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                copy[i][j] = rows[i][j];
            }
        }
        return of(name, copy);
    }

    /** One variable observed {@code values.length} times (an {@code [n, 1]} matrix). */
    public static Samples of(String name, double[] values) {
        Checks.notNull(name, values);
        if (values.length == 0) {
            throw Checks.fail("%s must have at least one row, got 0", name);
        }
        return validated(name, values.clone(), values.length, 1, false);
    }

    /** Integer-coded observations of one discrete variable (an {@code [n, 1]} matrix marked discrete). */
    public static Samples ofDiscrete(String name, int[] labels) {
        Checks.notNull(name, labels);
        if (labels.length == 0) {
            throw Checks.fail("%s must have at least one row, got 0", name);
        }
        double[] flat = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            flat[i] = labels[i];
        }
        return new Samples(flat, labels.length, 1, true);
    }

    /**
     * Row-major values {@code [n * d]}, copied and validated.
     *
     * @throws IllegalArgumentException if the length is not {@code n * d} or a value is not finite
     */
    public static Samples ofRowMajor(String name, double[] rowMajor, int n, int d) {
        Checks.notNull(name, rowMajor);
        Checks.atLeast(name + " rows", n, 1);
        Checks.atLeast(name + " columns", d, 1);
        if ((long) n * d != rowMajor.length) {
            throw Checks.fail("%s: %d values cannot form a %d x %d matrix", name, rowMajor.length, n, d);
        }
        return validated(name, rowMajor.clone(), n, d, false);
    }

    /** The value of each cell of an {@code [n, d]} matrix, read by {@link #ofCells}. */
    @FunctionalInterface
    public interface Cells {
        /** The value at row {@code i}, column {@code j}. */
        double get(int i, int j);
    }

    /**
     * Samples read from {@code cells} once, row by row, into storage of their own, then validated: the one
     * copy made when the values live in a buffer this class cannot own (another library's array, off-heap
     * memory), with no intermediate array.
     *
     * @throws IllegalArgumentException if {@code n} or {@code d} is below 1 or a value is not finite
     */
    public static Samples ofCells(String name, int n, int d, Cells cells) {
        Checks.notNull(name, cells);
        Checks.atLeast(name + " rows", n, 1);
        Checks.atLeast(name + " columns", d, 1);
        double[] flat = new double[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = cells.get(i, j);
            }
        }
        return validated(name, flat, n, d, false);
    }

    /** Samples from a 1-D ({@code [n]}) or 2-D ({@code [n, d]}) NDArray; the array is not modified. */
    public static Samples of(String name, NDArray array) {
        Checks.notNull(name, array);
        Shape shape = array.getShape();
        if (shape.dimension() < 1 || shape.dimension() > 2) {
            throw Checks.fail("%s must be a 1-D or 2-D array, got shape %s", name, shape);
        }
        int n = Math.toIntExact(shape.get(0));
        int d = shape.dimension() == 1 ? 1 : Math.toIntExact(shape.get(1));
        if (n == 0 || d == 0) {
            throw Checks.fail("%s must be non-empty, got shape %s", name, shape);
        }
        double[] flat;
        try (NDArray asDouble = array.toType(DataType.FLOAT64, true)) {
            flat = asDouble.toDoubleArray();
        }
        return validated(name, flat, n, d, false);
    }

    private static Samples validated(String name, double[] flat, int n, int d, boolean discrete) {
        for (int k = 0; k < flat.length; k++) {
            double v = flat[k];
            if (!Double.isFinite(v)) {
                throw Checks.fail("%s: value at row %d, column %d is %s; remove or impute non-finite values",
                        name, k / d, k % d, Double.isNaN(v) ? "NaN" : "infinite");
            }
        }
        return new Samples(flat, n, d, discrete);
    }

    /** Number of observations (rows). */
    public int n() {
        return n;
    }

    /** Number of variables (columns). */
    public int dim() {
        return d;
    }

    /** Whether these samples were created as integer labels ({@link #ofDiscrete}). */
    public boolean isDiscrete() {
        return discrete;
    }

    /** Value at row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        return data[i * d + j];
    }

    /** A copy of column {@code j}. */
    public double[] column(int j) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = data[i * d + j];
        }
        return c;
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * d, (i + 1) * d);
    }

    /** A copy of the values, row-major. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** A copy of the values as float, row-major. */
    public float[] toFloatRowMajor() {
        float[] f = new float[data.length];
        for (int k = 0; k < data.length; k++) {
            f[k] = (float) data[k];
        }
        return f;
    }

    /** A copy of the values as rows. */
    public double[][] toArray() {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = row(i);
        }
        return rows;
    }

    /** A float32 {@code [n, d]} NDArray owned by {@code manager}. */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(toFloatRowMajor(), new Shape(n, d));
    }

    /** The rows at {@code indices} (repeats allowed), in that order. */
    public Samples rows(int[] indices) {
        Checks.notNull("row indices", indices);
        double[] out = new double[indices.length * d];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= n) {
                throw Checks.fail("row index %d is out of range [0, %d)", i, n);
            }
            System.arraycopy(data, i * d, out, r * d, d);
        }
        if (indices.length == 0) {
            throw Checks.fail("rows: at least one index is required");
        }
        return new Samples(out, indices.length, d, discrete);
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Samples rows(int from, int to) {
        if (from < 0 || to > n || from >= to) {
            throw Checks.fail("row range [%d, %d) is not a non-empty range inside [0, %d)", from, to, n);
        }
        return new Samples(Arrays.copyOfRange(data, from * d, to * d), to - from, d, discrete);
    }

    /** The columns at {@code indices}, in that order. */
    public Samples columns(int... indices) {
        Checks.notNull("column indices", indices);
        if (indices.length == 0) {
            throw Checks.fail("columns: at least one column index is required");
        }
        double[] out = new double[n * indices.length];
        for (int c = 0; c < indices.length; c++) {
            int j = indices[c];
            if (j < 0 || j >= d) {
                throw Checks.fail("column index %d is out of range [0, %d)", j, d);
            }
            for (int i = 0; i < n; i++) {
                out[i * indices.length + c] = data[i * d + j];
            }
        }
        return new Samples(out, n, indices.length, discrete);
    }

    /** The columns of {@code a} followed by those of {@code b} (same number of rows). */
    public static Samples concat(Samples a, Samples b) {
        Checks.sameRows("a", a, "b", b);
        int d = a.d + b.d;
        double[] out = new double[a.n * d];
        for (int i = 0; i < a.n; i++) {
            System.arraycopy(a.data, i * a.d, out, i * d, a.d);
            System.arraycopy(b.data, i * b.d, out, i * d + a.d, b.d);
        }
        return new Samples(out, a.n, d, a.discrete && b.discrete);
    }

    /** Column means. */
    public double[] means() {
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += data[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= n;
        }
        return m;
    }

    /** Column standard deviations (denominator {@code n - 1}; 0 when {@code n == 1}). */
    public double[] standardDeviations() {
        double[] m = means();
        double[] s = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double t = data[i * d + j] - m[j];
                s[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) {
            s[j] = n > 1 ? Math.sqrt(s[j] / (n - 1)) : 0.0;
        }
        return s;
    }

    /**
     * Requires every column to vary by more than rounding and its spread to be representable. A column is
     * constant when all its values are equal (tested by equality: the computed standard deviation of a
     * column of 0.1s is a rounding residue of the mean, not 0) or when its standard deviation is at most
     * {@link #CONSTANT_RELATIVE_SPREAD} times its largest magnitude (values that differ in their last few
     * digits only, such as 0.3 and 0.1 + 0.2). The spread overflows when the sum of squared deviations
     * exceeds the double range (values of magnitude around 1e154 and beyond), and underflows when every
     * value is below 1.5e-154 in magnitude (their squares are subnormal or 0).
     *
     * @throws IllegalArgumentException naming {@code name} and the first constant or overflowing column
     */
    public Samples requireNonConstantColumns(String name) {
        requireVaryingColumns(name);
        return this;
    }

    /**
     * {@link #requireNonConstantColumns} returning the column standard deviations it computed.
     *
     * @throws IllegalArgumentException naming {@code name} and the first constant or overflowing column
     */
    public double[] requireVaryingColumns(String name) {
        double[] sd = requireFiniteSpread(name);
        for (int j = 0; j < d; j++) {
            double first = data[j];
            boolean varies = false;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                double v = data[i * d + j];
                varies |= v != first;
                largest = Math.max(largest, Math.abs(v));
            }
            if (!varies) {
                throw Checks.fail("%s: column %d has zero variance (all %d values equal %s)", name, j, n, first);
            }
            if (largest < SQUARE_UNDERFLOW) {
                throw Checks.fail("%s: column %d underflows double precision (values up to %.3g: their squares are "
                        + "below 2.2e-308); multiply the data by a constant scale first", name, j, largest);
            }
            if (!(sd[j] > CONSTANT_RELATIVE_SPREAD * largest)) {
                throw Checks.fail("%s: column %d has zero variance to within rounding (standard deviation %.3g "
                        + "against values up to %.3g); drop the column or rescale it", name, j, sd[j], largest);
            }
        }
        return sd;
    }

    /**
     * The column standard deviations ({@link #standardDeviations()}), required to be finite: values so
     * large that their squares overflow cannot be standardised.
     *
     * @throws IllegalArgumentException naming {@code name}, the column and its largest magnitude
     */
    public double[] requireFiniteSpread(String name) {
        double[] sd = standardDeviations();
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(sd[j])) {
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    largest = Math.max(largest, Math.abs(data[i * d + j]));
                }
                throw Checks.fail("%s: column %d overflows double precision (values up to %.3g: their variance "
                        + "exceeds 1.8e308); divide the data by a constant scale first", name, j, largest);
            }
        }
        return sd;
    }

    /**
     * Requires at least {@code min} rows.
     *
     * @throws IllegalArgumentException naming {@code name} and the reason
     */
    public Samples requireRows(String name, int min, String why) {
        if (n < min) {
            throw Checks.fail("%s has %d samples, but at least %d are needed (%s)", name, n, min, why);
        }
        return this;
    }

    /** Requires integer values in every cell. */
    public Samples requireIntegers(String name) {
        for (int k = 0; k < data.length; k++) {
            double v = data[k];
            if (v != Math.rint(v)) {
                throw Checks.fail("%s: value %s at row %d, column %d is not an integer code", name, v, k / d, k % d);
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return Checks.format("Samples[n=%d, d=%d%s]", n, d, discrete ? ", discrete" : "");
    }
}
