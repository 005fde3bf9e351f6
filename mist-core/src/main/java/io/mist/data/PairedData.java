package io.mist.data;

import io.mist.core.internal.Checks;
import io.mist.core.Samples;

/**
 * Paired observations {@code (x_i, y_i)}, {@code i = 0..size()-1}, read by row index. In-memory data
 * ({@link #of(Samples, Samples)}) is uploaded to the engine once per fit and shuffled there; streaming data
 * ({@code NpyData}, {@code CsvData} of mist-train) is read batch by batch in the same shuffled order, so both give
 * identical batches for the same seed.
 *
 * <p>Implementations are immutable and safe to read from several threads.
 */
public interface PairedData {
    /** Number of pairs. */
    int size();

    /** Dimension of x. */
    int dimX();

    /** Dimension of y. */
    int dimY();

    /**
     * Reads the given rows, in the given order, as float32 row-major blocks.
     *
     * @param rows row indices in {@code [0, size())}
     * @param x receives {@code rows.length * dimX()} values
     * @param y receives {@code rows.length * dimY()} values
     */
    void read(int[] rows, float[] x, float[] y);

    /** Whether all rows are held in memory (then the trainer uploads them once and shuffles on the engine). */
    default boolean inMemory() {
        return false;
    }

    /** The pairs at {@code rows} (a view, in that order). */
    default PairedData subset(int[] rows) {
        return new SubsetData(this, rows);
    }

    /** In-memory pairs from two sample matrices with the same number of rows. */
    static PairedData of(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        return new InMemoryData(x.toFloatRowMajor(), y.toFloatRowMajor(), x.n(), x.dim(), y.dim());
    }

    /** Checks {@code rows} against {@code size} and the output arrays' lengths. */
    static void checkRead(PairedData d, int[] rows, float[] x, float[] y) {
        if (x.length < rows.length * d.dimX() || y.length < rows.length * d.dimY()) {
            throw Checks.fail("read buffers too small: x %d < %d or y %d < %d", x.length,
                    rows.length * d.dimX(), y.length, rows.length * d.dimY());
        }
        for (int r : rows) {
            if (r < 0 || r >= d.size()) {
                throw Checks.fail("row index %d outside [0, %d)", r, d.size());
            }
        }
    }
}
