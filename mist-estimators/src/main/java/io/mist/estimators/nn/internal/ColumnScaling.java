package io.mist.estimators.nn.internal;

import io.mist.core.internal.Checks;
import io.mist.core.Samples;
import io.mist.data.PairedData;

/**
 * Per-column standardisation {@code (v - mean_j) / sd_j} with the statistics of one set of rows (the training
 * rows), applied unchanged to any other rows (validation, held-out fold). Mutual information is invariant
 * under per-column affine maps, so this changes no true value; it keeps the critic's inputs near unit scale
 * whatever the units of the data. A column with zero spread in the training rows is only centred.
 */
public final class ColumnScaling {
    private final double[] mean;
    private final double[] scale;

    private ColumnScaling(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * The statistics of {@code rows}.
     *
     * @throws IllegalArgumentException if a column's spread overflows (values near the largest double)
     */
    public static ColumnScaling fit(String name, Samples rows) {
        return of(name, rows.means(), rows.standardDeviations());
    }

    /**
     * The statistics of the x and the y columns of {@code rows}, read in two passes of
     * {@link #CHUNK_ROWS} rows at a time (means, then squared deviations; denominator {@code n - 1}, as
     * {@link Samples#standardDeviations()}), so streamed rows never need to be in memory together.
     *
     * @throws IllegalArgumentException if a column's spread overflows
     */
    public static ColumnScaling[] fit(PairedData rows) {
        int n = rows.size();
        int dx = rows.dimX();
        int dy = rows.dimY();
        double[] mx = new double[dx];
        double[] my = new double[dy];
        double[] sx = new double[dx];
        double[] sy = new double[dy];
        for (int pass = 0; pass < 2; pass++) {
            float[] x = new float[CHUNK_ROWS * dx];
            float[] y = new float[CHUNK_ROWS * dy];
            for (int from = 0; from < n; from += CHUNK_ROWS) {
                int[] idx = new int[Math.min(CHUNK_ROWS, n - from)];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = from + i;
                }
                rows.read(idx, x, y);
                accumulate(x, idx.length, dx, mx, sx, pass);
                accumulate(y, idx.length, dy, my, sy, pass);
            }
            if (pass == 0) {
                for (int j = 0; j < dx; j++) {
                    mx[j] /= n;
                }
                for (int j = 0; j < dy; j++) {
                    my[j] /= n;
                }
            }
        }
        return new ColumnScaling[] {of("x", mx, spread(sx, n)), of("y", my, spread(sy, n))};
    }

    /** Rows read at a time by {@link #fit(PairedData)}. */
    public static final int CHUNK_ROWS = 4096;

    private static void accumulate(float[] v, int rows, int d, double[] mean, double[] squares, int pass) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                if (pass == 0) {
                    mean[j] += v[i * d + j];
                } else {
                    double t = v[i * d + j] - mean[j];
                    squares[j] += t * t;
                }
            }
        }
    }

    private static double[] spread(double[] squares, int n) {
        double[] s = new double[squares.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = n > 1 ? Math.sqrt(squares[j] / (n - 1)) : 0.0;
        }
        return s;
    }

    private static ColumnScaling of(String name, double[] m, double[] s) {
        for (int j = 0; j < s.length; j++) {
            if (!Double.isFinite(m[j]) || !Double.isFinite(s[j])) {
                throw Checks.fail("column %d of %s is too large to standardise (its mean or spread overflows a "
                        + "double); rescale the data", j, name);
            }
            s[j] = s[j] > 0 ? s[j] : 1.0;
        }
        return new ColumnScaling(m, s);
    }

    /**
     * {@code sum_j log sd_j}: the log-determinant of the map back to the data's units, so a differential entropy
     * in the data's units is this much larger than the same entropy of the standardised columns.
     */
    public double logScaleSum() {
        double s = 0;
        for (double v : scale) {
            s += Math.log(v);
        }
        return s;
    }

    /** {@code rows} standardised with these statistics. */
    Samples apply(String name, Samples rows) {
        int n = rows.n();
        int d = rows.dim();
        double[] out = rows.toRowMajor();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (out[i * d + j] - mean[j]) / scale[j];
            }
        }
        return Samples.ofRowMajor(name, out, n, d);
    }

    /** A view of {@code data} whose x columns are standardised by {@code sx} and y columns by {@code sy}. */
    public static PairedData view(PairedData data, ColumnScaling sx, ColumnScaling sy) {
        return new PairedData() {
            @Override
            public int size() {
                return data.size();
            }

            @Override
            public int dimX() {
                return data.dimX();
            }

            @Override
            public int dimY() {
                return data.dimY();
            }

            @Override
            public void read(int[] rows, float[] x, float[] y) {
                data.read(rows, x, y);
                sx.scaleInPlace(x, rows.length);
                sy.scaleInPlace(y, rows.length);
            }
        };
    }

    private void scaleInPlace(float[] v, int n) {
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = (float) ((v[i * d + j] - mean[j]) / scale[j]);
            }
        }
    }
}
