package io.mist.train.data;

import io.mist.core.Checks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Streaming pairs from one comma-separated file, x and y given by column indices. One pass at open time
 * records where each line starts (8 bytes per row); rows are then read on demand, so the file may exceed
 * memory. Values are parsed as doubles and rounded to float32, exactly like in-memory {@code Samples}.
 */
public final class CsvData implements PairedData {
    private final Path path;
    private final long[] offsets;
    private final int[] xCols;
    private final int[] yCols;

    private CsvData(Path path, long[] offsets, int[] xCols, int[] yCols) {
        this.path = path;
        this.offsets = offsets;
        this.xCols = xCols;
        this.yCols = yCols;
    }

    /**
     * Indexes a CSV file.
     *
     * @param path the file
     * @param header whether the first line is a header to skip
     * @param xCols zero-based columns of x
     * @param yCols zero-based columns of y
     */
    public static CsvData open(Path path, boolean header, int[] xCols, int[] yCols) {
        if (xCols.length == 0 || yCols.length == 0) {
            throw Checks.fail("xCols and yCols must name at least one column each");
        }
        long[] off = new long[1024];
        int n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            long pos = 0;
            long lineStart = 0;
            boolean first = true;
            boolean blank = true;
            int b;
            while ((b = in.read()) >= 0) {
                pos++;
                if (b == '\n') {
                    if (!(first && header) && !blank) {
                        if (n == off.length) {
                            off = Arrays.copyOf(off, n * 2);
                        }
                        off[n++] = lineStart;
                    }
                    first = false;
                    blank = true;
                    lineStart = pos;
                } else if (b != '\r' && b != ' ') {
                    blank = false;
                }
            }
            if (!blank && !(first && header)) {
                if (n == off.length) {
                    off = Arrays.copyOf(off, n + 1);
                }
                off[n++] = lineStart;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        if (n == 0) {
            throw Checks.fail("%s has no data rows", path);
        }
        return new CsvData(path, Arrays.copyOf(off, n), xCols.clone(), yCols.clone());
    }

    @Override
    public int size() {
        return offsets.length;
    }

    @Override
    public int dimX() {
        return xCols.length;
    }

    @Override
    public int dimY() {
        return yCols.length;
    }

    @Override
    public void read(int[] rows, float[] x, float[] y) {
        PairedData.checkRead(this, rows, x, y);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(4096);
            for (int k = 0; k < rows.length; k++) {
                String line = readLine(ch, offsets[rows[k]], buf);
                String[] f = line.split(",", -1);
                for (int j = 0; j < xCols.length; j++) {
                    x[k * xCols.length + j] = parse(f, xCols[j], rows[k]);
                }
                for (int j = 0; j < yCols.length; j++) {
                    y[k * yCols.length + j] = parse(f, yCols[j], rows[k]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rows from " + path, e);
        }
    }

    private float parse(String[] fields, int col, int row) {
        if (col >= fields.length) {
            throw Checks.fail("%s: data row %d has %d columns, column %d requested", path, row, fields.length, col);
        }
        try {
            double v = Double.parseDouble(fields[col].trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return (float) v;
        } catch (NumberFormatException e) {
            throw Checks.fail("%s: data row %d, column %d is not a finite number: '%s'", path, row, col,
                    fields[col]);
        }
    }

    private static String readLine(FileChannel ch, long start, ByteBuffer buf) throws IOException {
        StringBuilder sb = new StringBuilder();
        long pos = start;
        while (true) {
            buf.clear();
            int r = ch.read(buf, pos);
            if (r <= 0) {
                return sb.toString();
            }
            buf.flip();
            String chunk = new String(buf.array(), 0, r, StandardCharsets.UTF_8);
            int nl = chunk.indexOf('\n');
            if (nl >= 0) {
                sb.append(chunk, 0, nl);
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append(chunk);
            pos += r;
        }
    }
}
