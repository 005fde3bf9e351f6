package io.mist.train.data;

import io.mist.core.internal.Checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a NumPy {@code .npy} file (format 1.0, little-endian float64, C order, shape {@code (rows, cols)}, or
 * any shape {@code (rows, ...)} whose row is the C-order block of the trailing dimensions) row by row, so that data larger than memory can be produced for {@link NpyData}. The file holds exactly
 * the declared number of rows when {@link #close()} returns; writing fewer or more fails.
 *
 * <pre>{@code
 * try (NpyWriter w = NpyWriter.create(file, n, 2)) {
 *     for (int i = 0; i < n; i++) {
 *         w.writeRow(a[i], b[i]);
 *     }
 * }
 * }</pre>
 */
public final class NpyWriter implements AutoCloseable {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final long rows;
    private final int cols;
    private long written;

    private NpyWriter(Path file, FileChannel channel, long rows, int cols) {
        this.file = file;
        this.channel = channel;
        this.rows = rows;
        this.cols = cols;
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER_BYTES, cols * Double.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Creates (or replaces) {@code file} for {@code rows} rows of {@code cols} values.
     *
     * @throws IllegalArgumentException if {@code rows < 1} or {@code cols < 1}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static NpyWriter create(Path file, long rows, int cols) {
        return create(file, rows, new int[] {cols});
    }

    /**
     * Creates (or replaces) {@code file} for an array of shape {@code (rows, trailing...)}: a 1-D array when
     * {@code trailing} is empty, a 3-D one {@code [n, dy, dx]} (e.g. Jacobians) for two trailing dimensions.
     * Each row written is the C-order block of the trailing dimensions (their product of values).
     *
     * @throws IllegalArgumentException if a dimension is below 1
     * @throws UncheckedIOException if the file cannot be written
     */
    public static NpyWriter create(Path file, long rows, int... trailing) {
        StringBuilder shape = new StringBuilder().append(rows);
        long cols = 1;
        boolean positive = rows >= 1;
        for (int t : trailing) {
            shape.append(", ").append(t);
            cols *= t;
            positive &= t >= 1;
        }
        if (!positive || cols > Integer.MAX_VALUE / Double.BYTES) {
            throw Checks.fail("an .npy file needs at least one row and one column, got shape (%s)", shape);
        }
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + shape + (trailing.length == 0 ? "," : "")
                + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            NpyWriter w = new NpyWriter(file, ch, rows, (int) cols);
            w.buffer.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                    .putShort((short) header.length).put(header);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Appends one row of {@code cols} values.
     *
     * @throws IllegalArgumentException if the row has the wrong length or all rows were written
     */
    public void writeRow(double... row) {
        if (row.length != cols) {
            throw Checks.fail("%s: row %d has %d values, the file has %d values per row", file, written, row.length,
                    cols);
        }
        if (written == rows) {
            throw Checks.fail("%s: all %d declared rows are written", file, rows);
        }
        if (buffer.remaining() < cols * Double.BYTES) {
            flush();
        }
        for (double v : row) {
            buffer.putDouble(v);
        }
        written++;
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        buffer.clear();
    }

    /**
     * Writes what is buffered and closes the file.
     *
     * @throws IllegalStateException if fewer rows than declared were written
     */
    @Override
    public void close() {
        try {
            flush();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        if (written != rows) {
            throw new IllegalStateException(Checks.format("%s: %d of %d declared rows written; the file is "
                    + "incomplete", file, written, rows));
        }
    }
}
