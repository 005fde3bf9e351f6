package io.mist.train.data;

import io.mist.core.Checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streaming pairs from two NumPy {@code .npy} files (x and y, same number of rows; float32 or float64,
 * little endian, C order, 1-D or 2-D). Only the headers are read up front; rows are read on demand at their
 * byte offsets, so files larger than memory are fine. Values are converted to float32 exactly as
 * {@link io.mist.core.Samples#toFloatRowMajor()} does, so batches equal those of in-memory data.
 */
public final class NpyData implements PairedData {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final Array xa;
    private final Array ya;

    private record Array(Path path, long dataOffset, int rows, int cols, int bytes) {
    }

    private NpyData(Array xa, Array ya) {
        this.xa = xa;
        this.ya = ya;
    }

    /**
     * Opens two {@code .npy} files.
     *
     * @throws IllegalArgumentException if a file is not a supported {@code .npy} array or the row counts differ
     * @throws UncheckedIOException if a file cannot be read
     */
    public static NpyData open(Path x, Path y) {
        Array xa = header("x", x);
        Array ya = header("y", y);
        if (xa.rows() != ya.rows()) {
            throw Checks.fail("x and y must have the same number of samples: %s has %d rows, %s has %d", x,
                    xa.rows(), y, ya.rows());
        }
        return new NpyData(xa, ya);
    }

    private static Array header(String name, Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(pre, 0);
            pre.flip();
            byte[] magic = new byte[6];
            pre.get(magic);
            if (pre.remaining() < 4 || magic[0] != (byte) 0x93 || magic[1] != 'N' || magic[2] != 'U') {
                throw Checks.fail("%s (%s) is not a .npy file", name, p);
            }
            int major = pre.get() & 0xff;
            pre.get();
            int headerLen;
            int start;
            if (major == 1) {
                headerLen = pre.getShort() & 0xffff;
                start = 10;
            } else {
                headerLen = pre.getInt();
                start = 12;
            }
            ByteBuffer h = ByteBuffer.allocate(headerLen);
            ch.read(h, start);
            String text = new String(h.array(), StandardCharsets.ISO_8859_1);
            Matcher d = DESCR.matcher(text);
            Matcher f = FORTRAN.matcher(text);
            Matcher s = SHAPE.matcher(text);
            if (!d.find() || !f.find() || !s.find()) {
                throw Checks.fail("%s (%s): unreadable .npy header '%s'", name, p, text.trim());
            }
            int bytes;
            switch (d.group(1)) {
                case "<f4":
                    bytes = 4;
                    break;
                case "<f8":
                    bytes = 8;
                    break;
                default:
                    throw Checks.fail("%s (%s): dtype %s not supported (use little-endian float32 or float64)", name,
                            p, d.group(1));
            }
            if (f.group(1).equals("True")) {
                throw Checks.fail("%s (%s): Fortran-order arrays are not supported; save with C order", name, p);
            }
            String[] dims = s.group(1).split(",");
            int rows = Integer.parseInt(dims[0].trim());
            int cols = dims.length > 1 && !dims[1].isBlank() ? Integer.parseInt(dims[1].trim()) : 1;
            if (dims.length > 2 && !dims[2].isBlank()) {
                throw Checks.fail("%s (%s): expected a 1-D or 2-D array, got shape (%s)", name, p, s.group(1));
            }
            if (rows < 1 || cols < 1) {
                throw Checks.fail("%s (%s): empty array of shape (%s)", name, p, s.group(1));
            }
            return new Array(p, start + headerLen, rows, cols, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from " + p, e);
        }
    }

    @Override
    public int size() {
        return xa.rows();
    }

    @Override
    public int dimX() {
        return xa.cols();
    }

    @Override
    public int dimY() {
        return ya.cols();
    }

    @Override
    public void read(int[] rows, float[] x, float[] y) {
        PairedData.checkRead(this, rows, x, y);
        readArray(xa, rows, x);
        readArray(ya, rows, y);
    }

    private static void readArray(Array a, int[] rows, float[] out) {
        int rowBytes = a.cols() * a.bytes();
        ByteBuffer buf = ByteBuffer.allocate(rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(a.path(), StandardOpenOption.READ)) {
            for (int k = 0; k < rows.length; k++) {
                buf.clear();
                long pos = a.dataOffset() + (long) rows[k] * rowBytes;
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new IOException("unexpected end of file");
                    }
                }
                buf.flip();
                for (int j = 0; j < a.cols(); j++) {
                    double v = a.bytes() == 4 ? buf.getFloat() : buf.getDouble();
                    if (!Double.isFinite(v)) {
                        throw Checks.fail("%s: non-finite value %s at row %d, column %d", a.path(), v, rows[k], j);
                    }
                    out[k * a.cols() + j] = (float) v;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rows from " + a.path(), e);
        }
    }
}
