package io.mist.estimators.nn.internal;

import io.mist.core.Samples;
import io.mist.data.PairedData;

/**
 * The rows a {@link DiscriminativeEstimator} trains and evaluates on, and how a set of them is standardised:
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
