package io.mist.train.data;

import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.train.internal.NpyHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streaming pairs from two NumPy {@code .npy} files (x and y, same number of rows; the dtypes and shapes of
 * {@link NpyHeader}), optionally a selection of each file's columns. Only the headers are read up front;
 * rows are read on demand at their byte offsets, so files larger than memory are fine. Values are converted
 * to float32 exactly as {@link io.mist.core.Samples#toFloatRowMajor()} does, so batches equal those of
 * in-memory data.
 */
public final class NpyData implements PairedData {
    private final Array xa;
    private final Array ya;

    private record Array(String name, NpyHeader header, int[] columns) {
    }

    private NpyData(Array xa, Array ya) {
        this.xa = xa;
        this.ya = ya;
    }

    /**
     * Opens two {@code .npy} files, all columns of each.
     *
     * @throws IllegalArgumentException if a file is not a supported {@code .npy} array or the row counts differ
     * @throws UncheckedIOException if a file cannot be read
     */
    public static NpyData open(Path x, Path y) {
        return open("x", x, null, "y", y, null);
    }

    /**
     * Opens the {@code xCols} of {@code x} and the {@code yCols} of {@code y} (zero-based; null for all);
     * problems are reported against {@code xName} and {@code yName} (e.g. {@code --x}).
     *
     * @throws IllegalArgumentException if a file is not a supported {@code .npy} array, a column does not
     *     exist or the row counts differ
     * @throws UncheckedIOException if a file cannot be read
     */
    public static NpyData open(String xName, Path x, int[] xCols, String yName, Path y, int[] yCols) {
        Array xa = array(xName, x, xCols);
        Array ya = array(yName, y, yCols);
        if (xa.header().rows() != ya.header().rows()) {
            throw Checks.fail("%s and %s must have the same number of samples: %s has %d rows, %s has %d", xName,
                    yName, x, xa.header().rows(), y, ya.header().rows());
        }
        return new NpyData(xa, ya);
    }

    private static Array array(String name, Path p, int[] columns) {
        try {
            NpyHeader h = NpyHeader.read(name, p);
            return new Array(name, h, ColumnSelection.resolve(name, p, columns, h.cols()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from " + p, e);
        }
    }

    @Override
    public int size() {
        return xa.header().rows();
    }

    @Override
    public int dimX() {
        return xa.columns().length;
    }

    @Override
    public int dimY() {
        return ya.columns().length;
    }

    @Override
    public void read(int[] rows, float[] x, float[] y) {
        PairedData.checkRead(this, rows, x, y);
        readArray(xa, rows, x);
        readArray(ya, rows, y);
    }

    private static void readArray(Array a, int[] rows, float[] out) {
        NpyHeader h = a.header();
        int rowBytes = h.rowBytes();
        int[] select = a.columns();
        double[] row = new double[h.cols()];
        ByteBuffer buf = ByteBuffer.allocate(rowBytes).order(h.order());
        try (FileChannel ch = FileChannel.open(h.file(), StandardOpenOption.READ)) {
            for (int k = 0; k < rows.length; k++) {
                buf.clear();
                long pos = h.dataOffset() + (long) rows[k] * rowBytes;
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new IOException("unexpected end of file");
                    }
                }
                buf.flip();
                for (int j = 0; j < row.length; j++) {
                    row[j] = h.next(buf);
                }
                for (int j = 0; j < select.length; j++) {
                    double v = row[select[j]];
                    if (!Double.isFinite(v)) {
                        throw Checks.fail("%s (%s): value at row %d, column %d is %s; remove or impute non-finite "
                                + "values", a.name(), h.file(), rows[k], select[j], v);
                    }
                    out[k * select.length + j] = (float) v;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rows from " + h.file(), e);
        }
    }
}
