package io.mist.train.data;

import io.mist.core.internal.Checks;
import io.mist.data.PairedData;

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
 * Streaming pairs from one delimited text file, x and y given by column indices, read by the rules of
 * {@link CsvFormat} (separator, comments, header, cells). One pass at open time records where each data line
 * starts (8 bytes per row); rows are then read on demand, so the file may exceed memory. Values are parsed
 * as doubles and rounded to float32, exactly like in-memory {@code Samples}.
 */
public final class CsvData implements PairedData {
    private final String name;
    private final Path path;
    private final String separator;
    private final long[] offsets;
    private final int[] xCols;
    private final int[] yCols;

    private CsvData(String name, Path path, String separator, long[] offsets, int[] xCols, int[] yCols) {
        this.name = name;
        this.path = path;
        this.separator = separator;
        this.offsets = offsets;
        this.xCols = xCols;
        this.yCols = yCols;
    }

    /**
     * Indexes a CSV file whose header, if any, is told by {@code header}.
     *
     * @param path the file
     * @param header whether the first data line is a header to skip
     * @param xCols zero-based columns of x
     * @param yCols zero-based columns of y
     */
    public static CsvData open(Path path, boolean header, int[] xCols, int[] yCols) {
        return open("data", path, header, xCols, yCols);
    }

    /**
     * Indexes a CSV file, detecting a header as {@link CsvFormat#isHeader} does; problems are reported
     * against {@code name} (e.g. {@code --x}).
     *
     * @param xCols zero-based columns of x
     * @param yCols zero-based columns of y
     * @throws IllegalArgumentException if the file has no data rows or a column does not exist
     */
    public static CsvData open(String name, Path path, int[] xCols, int[] yCols) {
        return open(name, path, null, xCols, yCols);
    }

    private static CsvData open(String name, Path path, Boolean header, int[] xCols, int[] yCols) {
        if (xCols.length == 0 || yCols.length == 0) {
            throw Checks.fail("%s: x and y must name at least one column each", name);
        }
        long[] off = index(path);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (off.length == 0) {
                throw Checks.fail("%s: %s has no data rows", name, path);
            }
            String first = readLine(ch, off[0], ByteBuffer.allocate(4096));
            String sep = CsvFormat.separator(first);
            String[] cells = CsvFormat.split(first, sep);
            boolean skip = header != null ? header : CsvFormat.isHeader(cells);
            ColumnSelection.resolve(name, path, xCols, cells.length);
            ColumnSelection.resolve(name, path, yCols, cells.length);
            long[] rows = skip ? Arrays.copyOfRange(off, 1, off.length) : off;
            if (rows.length == 0) {
                throw Checks.fail("%s: %s has no data rows", name, path);
            }
            return new CsvData(name, path, sep, rows, xCols.clone(), yCols.clone());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Start offsets of the lines that are neither blank nor {@code #} comments. */
    private static long[] index(Path path) {
        long[] off = new long[1024];
        int n = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            long pos = 0;
            long lineStart = 0;
            int firstChar = -1;
            int b;
            while (true) {
                b = in.read();
                if (b < 0 || b == '\n') {
                    if (firstChar >= 0 && firstChar != '#') {
                        if (n == off.length) {
                            off = Arrays.copyOf(off, n * 2);
                        }
                        off[n++] = lineStart;
                    }
                    if (b < 0) {
                        break;
                    }
                    firstChar = -1;
                    lineStart = pos + 1;
                } else if (firstChar < 0 && !Character.isWhitespace(b)) {
                    firstChar = b;
                }
                pos++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return Arrays.copyOf(off, n);
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
                String[] f = CsvFormat.split(readLine(ch, offsets[rows[k]], buf), separator);
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
            throw Checks.fail("%s: %s data row %d has %d columns, column %d requested", name, path, row,
                    fields.length, col);
        }
        return (float) CsvFormat.parseCell(name, path, "data row " + row, col, fields[col]);
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
