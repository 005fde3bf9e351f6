package io.mist.estimators.nn.internal;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;

/**
 * The rows a trained estimator ({@link TrainedFit}) trains and evaluates on, and how a set of them is standardised:
 * in-memory {@link Samples} are standardised in double precision before the float32 upload (as they always
 * were), streamed {@link PairedData} through {@link ColumnScaling#view} as each batch is read, so that
 * streamed rows are never all in memory.
 */
public interface TrainingRows {
    /** Number of rows. */
    int n();

    /** Dimension of x. */
    int dx();

    /** Dimension of y. */
    int dy();

    /** The x and y statistics of {@code rows}. */
    ColumnScaling[] statistics(int[] rows);

    /** All rows, standardised by {@code sx} and {@code sy} (both null: as they are). */
    PairedData all(ColumnScaling sx, ColumnScaling sy);

    /** The rows {@code rows}, standardised by {@code sx} and {@code sy} (both null: as they are). */
    PairedData subset(int[] rows, ColumnScaling sx, ColumnScaling sy);

    /**
     * In-memory rows, checked: the same number of rows, at least 4 (training and validation pairs).
     *
     * @throws IllegalArgumentException naming the argument otherwise
     */
    static TrainingRows checked(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        x.requireRows("x", 4, "a neural estimator needs training and validation pairs");
        return of(x, y);
    }

    /**
     * Rows read on demand, checked: at least 4.
     *
     * @throws IllegalArgumentException otherwise
     */
    static TrainingRows checked(PairedData data) {
        Checks.notNull("data", data);
        if (data.size() < 4) {
            throw Checks.fail("data has %d samples, but at least 4 are needed (a neural estimator needs training "
                    + "and validation pairs)", data.size());
        }
        return of(data);
    }

    /** Every y of {@code data}, read in chunks of 4,096 rows (for statistics that need all of them at once). */
    static Samples y(PairedData data) {
        int n = data.size();
        int dy = data.dimY();
        double[] y = new double[n * dy];
        for (int start = 0; start < n; start += 4096) {
            int m = Math.min(4096, n - start);
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = start + i;
            }
            float[] yb = new float[m * dy];
            data.read(rows, new float[m * data.dimX()], yb);
            for (int i = 0; i < yb.length; i++) {
                y[start * dy + i] = yb[i];
            }
        }
        return Samples.ofRowMajor("y", y, n, dy);
    }

    /** In-memory rows. */
    static TrainingRows of(Samples x, Samples y) {
        return new TrainingRows() {
            @Override
            public int n() {
                return x.n();
            }

            @Override
            public int dx() {
                return x.dim();
            }

            @Override
            public int dy() {
                return y.dim();
            }

            @Override
            public ColumnScaling[] statistics(int[] rows) {
                return new ColumnScaling[] {ColumnScaling.fit("x", x.rows(rows)),
                    ColumnScaling.fit("y", y.rows(rows))};
            }

            @Override
            public PairedData all(ColumnScaling sx, ColumnScaling sy) {
                return sx == null ? PairedData.of(x, y) : PairedData.of(sx.apply("x", x), sy.apply("y", y));
            }

            @Override
            public PairedData subset(int[] rows, ColumnScaling sx, ColumnScaling sy) {
                Samples xt = x.rows(rows);
                Samples yt = y.rows(rows);
                return sx == null ? PairedData.of(xt, yt) : PairedData.of(sx.apply("x", xt), sy.apply("y", yt));
            }
        };
    }

    /** Rows read on demand (streamed from files, or any other source). */
    static TrainingRows of(PairedData data) {
        return new TrainingRows() {
            @Override
            public int n() {
                return data.size();
            }

            @Override
            public int dx() {
                return data.dimX();
            }

            @Override
            public int dy() {
                return data.dimY();
            }

            @Override
            public ColumnScaling[] statistics(int[] rows) {
                return ColumnScaling.fit(data.subset(rows));
            }

            @Override
            public PairedData all(ColumnScaling sx, ColumnScaling sy) {
                return sx == null ? data : ColumnScaling.view(data, sx, sy);
            }

            @Override
            public PairedData subset(int[] rows, ColumnScaling sx, ColumnScaling sy) {
                PairedData d = data.subset(rows);
                return sx == null ? d : ColumnScaling.view(d, sx, sy);
            }
        };
    }
}
