package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import io.mist.core.internal.Checks;
import io.mist.data.PairedData;

import java.util.Arrays;

/**
 * The training batches of each epoch in the order of the epoch's permutation. In-memory data is uploaded
 * once; each epoch permutes it on the engine with one gather and splits the permuted arrays into the epoch's
 * batches (views) with one call each, so a step takes its batch without an indexing call.
 * Streamed data is read batch by batch in the same order, so both give identical batches. Either way a
 * value that float32 cannot hold (beyond +-3.4e38, NaN) fails with a message instead of a diverged fit.
 * Not thread-safe.
 */
abstract class BatchSource {
    final PairedData data;
    final int batch;

    private BatchSource(PairedData data, int batch) {
        this.data = data;
        this.batch = batch;
    }

    /** The batches of {@code data}, of {@code batch} rows; uploaded arrays live in {@code manager}. */
    static BatchSource of(PairedData data, int batch, NDManager manager) {
        return data.inMemory() ? new Uploaded(data, batch, manager) : new Streamed(data, batch);
    }

    /** Starts an epoch visiting the rows in the order {@code perm}; epoch-wide arrays live in {@code epoch}. */
    abstract void beginEpoch(int[] perm, NDManager epoch);

    /** Batch {@code b} of the epoch, {@code {x, y}}, in {@code step}. */
    abstract NDArray[] batch(int b, NDManager step);

    /** Fails unless every value is finite; {@code rows} maps a batch row to its data row (null: the same). */
    static void requireFloat(float[] values, int dim, String name, int[] rows) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw Checks.fail("%s column %d holds %s in float32 (row %d of the training rows); training needs "
                        + "finite values below 3.4e38 in magnitude: rescale or standardise the data", name, i % dim,
                        values[i], rows == null ? i / dim : rows[i / dim]);
            }
        }
    }

    private static final class Uploaded extends BatchSource {
        private final NDArray xAll;
        private final NDArray yAll;
        private NDList xe;
        private NDList ye;

        Uploaded(PairedData data, int batch, NDManager manager) {
            super(data, batch);
            int[] rows = new int[data.size()];
            Arrays.setAll(rows, i -> i);
            float[] xf = new float[rows.length * data.dimX()];
            float[] yf = new float[rows.length * data.dimY()];
            data.read(rows, xf, yf);
            requireFloat(xf, data.dimX(), "x", null);
            requireFloat(yf, data.dimY(), "y", null);
            xAll = manager.create(xf, new Shape(rows.length, data.dimX()));
            yAll = manager.create(yf, new Shape(rows.length, data.dimY()));
        }

        @Override
        void beginEpoch(int[] perm, NDManager epoch) {
            NDArray idx = epoch.create(Arrays.stream(perm).asLongStream().toArray());
            long[] bounds = new long[perm.length / batch];
            for (int b = 0; b < bounds.length; b++) {
                bounds[b] = (long) (b + 1) * batch;
            }
            // sections [b B, (b + 1) B) for every full batch, then the rest (never a batch)
            xe = xAll.get(epoch, new NDIndex("{}", idx)).split(bounds);
            ye = yAll.get(epoch, new NDIndex("{}", idx)).split(bounds);
        }

        @Override
        NDArray[] batch(int b, NDManager step) {
            NDArray x = xe.get(b);
            NDArray y = ye.get(b);
            x.attach(step);
            y.attach(step);
            return new NDArray[] {x, y};
        }
    }

    private static final class Streamed extends BatchSource {
        private final float[] xb;
        private final float[] yb;
        private final int[] rows;
        private int[] perm;

        Streamed(PairedData data, int batch) {
            super(data, batch);
            this.xb = new float[batch * data.dimX()];
            this.yb = new float[batch * data.dimY()];
            this.rows = new int[batch];
        }

        @Override
        void beginEpoch(int[] perm, NDManager epoch) {
            this.perm = perm;
        }

        @Override
        NDArray[] batch(int b, NDManager step) {
            System.arraycopy(perm, b * batch, rows, 0, batch);
            data.read(rows, xb, yb);
            requireFloat(xb, data.dimX(), "x", rows);
            requireFloat(yb, data.dimY(), "y", rows);
            return new NDArray[] {step.create(xb, new Shape(batch, data.dimX())),
                step.create(yb, new Shape(batch, data.dimY()))};
        }
    }
}
