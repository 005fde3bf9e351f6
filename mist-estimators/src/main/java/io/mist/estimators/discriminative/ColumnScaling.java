package io.mist.estimators.discriminative;

import io.mist.core.Checks;
import io.mist.core.Samples;
import io.mist.train.data.PairedData;

/**
 * Per-column standardisation {@code (v - mean_j) / sd_j} with the statistics of one set of rows (the training
 * rows), applied unchanged to any other rows (validation, held-out fold). Mutual information is invariant
 * under per-column affine maps, so this changes no true value; it keeps the critic's inputs near unit scale
 * whatever the units of the data. A column with zero spread in the training rows is only centred.
 */
final class ColumnScaling {
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
    static ColumnScaling fit(String name, Samples rows) {
        double[] m = rows.means();
        double[] s = rows.standardDeviations();
        for (int j = 0; j < s.length; j++) {
            if (!Double.isFinite(m[j]) || !Double.isFinite(s[j])) {
                throw Checks.fail("column %d of %s is too large to standardise (its mean or spread overflows a "
                        + "double); rescale the data", j, name);
            }
            s[j] = s[j] > 0 ? s[j] : 1.0;
        }
        return new ColumnScaling(m, s);
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
    static PairedData view(PairedData data, ColumnScaling sx, ColumnScaling sy) {
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
