package io.mist.train.internal;

import io.mist.core.internal.Checks;
import io.mist.train.data.NpyData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file (format versions 1-3) holding a 1-D or 2-D (or, where the reader
 * asks for it, 3-D) C-order array of a numeric dtype: float64, float32, int8-int64, uint8-uint32 or bool, either byte order. The one parser of the
 * format: {@link NpyData} streams rows with it and the CLI reads whole files with it.
 *
 * @param file the file
 * @param dataOffset byte offset of the first value
 * @param rows number of rows (the first dimension)
 * @param cols number of columns (1 for a 1-D array; the product of the trailing dimensions of a 3-D array)
 * @param kind NumPy's kind character: {@code f}, {@code i}, {@code u} or {@code b}
 * @param itemSize bytes per value
 * @param order byte order of the values
 * @param shape the array's shape as saved (1 to 3 dimensions)
 */
public record NpyHeader(Path file, long dataOffset, int rows, int cols, char kind, int itemSize, ByteOrder order,
        List<Integer> shape) {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*('([^']*)'|\\[)");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([a-zA-Z])(\\d*)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String SUPPORTED = "float64, float32, int8-int64, uint8-uint32 or bool";

    /**
     * Reads the header of {@code file}, a 1-D or 2-D array; problems are reported against {@code name} (e.g.
     * {@code --x}).
     *
     * @throws IllegalArgumentException if the file is not a {@code .npy} file of a supported dtype and shape
     * @throws IOException if it cannot be read
     */
    public static NpyHeader read(String name, Path file) throws IOException {
        return read(name, file, 2);
    }

    /**
     * Reads the header of {@code file}, an array of 1 to {@code maxRank} (2 or 3) dimensions; problems are
     * reported against {@code name}.
     *
     * @throws IllegalArgumentException if the file is not a {@code .npy} file of a supported dtype and shape
     * @throws IOException if it cannot be read
     */
    public static NpyHeader read(String name, Path file, int maxRank) throws IOException {
        if (maxRank < 2 || maxRank > 3) {
            throw new IllegalArgumentException("maxRank must be 2 or 3, got " + maxRank);
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            while (pre.hasRemaining() && ch.read(pre, pre.position()) > 0) {
                // fill the preamble
            }
            pre.flip();
            if (pre.remaining() < 10 || (pre.get(0) & 0xff) != 0x93 || pre.get(1) != 'N' || pre.get(2) != 'U'
                    || pre.get(3) != 'M' || pre.get(4) != 'P' || pre.get(5) != 'Y') {
                throw Checks.fail("%s: %s is not a .npy file (bad magic)", name, file);
            }
            int major = pre.get(6) & 0xff;
            int headerLen = major == 1 ? pre.getShort(8) & 0xffff : pre.getInt(8);
            int start = major == 1 ? 10 : 12;
            if (headerLen < 0 || start + (long) headerLen > ch.size()) {
                throw Checks.fail("%s: %s is truncated inside its .npy header", name, file);
            }
            ByteBuffer h = ByteBuffer.allocate(headerLen);
            while (h.hasRemaining() && ch.read(h, start + h.position()) > 0) {
                // fill the header
            }
            NpyHeader header = parse(name, file, new String(h.array(), StandardCharsets.ISO_8859_1), start + headerLen,
                    maxRank);
            long need = header.dataOffset + (long) header.rows * header.cols * header.itemSize;
            if (ch.size() < need) {
                throw Checks.fail("%s: %s is truncated: %d values of %d bytes expected", name, file,
                        (long) header.rows * header.cols, header.itemSize);
            }
            return header;
        }
    }

    private static NpyHeader parse(String name, Path file, String text, long dataOffset, int maxRank) {
        Matcher d = DESCR.matcher(text);
        Matcher f = FORTRAN.matcher(text);
        Matcher s = SHAPE.matcher(text);
        if (!d.find() || !f.find() || !s.find()) {
            throw Checks.fail("%s: %s has an unreadable .npy header: %s", name, file, text.strip());
        }
        if (d.group(2) == null) {
            throw Checks.fail("%s: %s holds a structured array (record dtype); supported dtypes: %s; save one "
                    + "numeric array per file", name, file, SUPPORTED);
        }
        String descr = d.group(2);
        Matcher t = TYPE.matcher(descr);
        if (!t.matches()) {
            throw Checks.fail("%s: %s has dtype '%s', which is not supported; supported: %s", name, file, descr,
                    SUPPORTED);
        }
        char kind = t.group(2).charAt(0);
        int size = t.group(3).isEmpty() ? 0 : Integer.parseInt(t.group(3));
        if (!supported(kind, size)) {
            throw Checks.fail("%s: %s has dtype '%s' (%s), which is not supported; supported: %s; convert with "
                    + "numpy.asarray(a, dtype=float)", name, file, descr, describe(kind, size), SUPPORTED);
        }
        if (f.group(1).equals("True")) {
            throw Checks.fail("%s: %s is in Fortran order; save it with numpy.ascontiguousarray", name, file);
        }
        String[] parts = s.group(1).split(",");
        long[] dims = new long[parts.length];
        int count = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                dims[count++] = Long.parseLong(p.trim());
            }
        }
        if (count == 0 || count > maxRank) {
            throw Checks.fail("%s: %s must hold a %s array, got shape (%s)", name, file,
                    maxRank == 2 ? "1-D or 2-D" : "1-D, 2-D or 3-D", s.group(1));
        }
        long cols = 1;
        List<Integer> shape = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (dims[i] == 0) {
                throw Checks.fail("%s: %s is empty (shape (%s))", name, file, s.group(1));
            }
            if (dims[i] > Integer.MAX_VALUE) {
                throw Checks.fail("%s: %s has shape (%s); at most %d rows and columns are supported", name, file,
                        s.group(1), Integer.MAX_VALUE);
            }
            shape.add((int) dims[i]);
            cols *= i > 0 ? dims[i] : 1;
        }
        if (cols > Integer.MAX_VALUE) {
            throw Checks.fail("%s: %s has shape (%s); at most %d values per row are supported", name, file,
                    s.group(1), Integer.MAX_VALUE);
        }
        ByteOrder order = t.group(1).equals(">") ? ByteOrder.BIG_ENDIAN
                : t.group(1).equals("=") ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
        return new NpyHeader(file, dataOffset, (int) dims[0], (int) cols, kind, size, order, List.copyOf(shape));
    }

    private static boolean supported(char kind, int size) {
        switch (kind) {
            case 'f':
                return size == 4 || size == 8;
            case 'i':
                return size == 1 || size == 2 || size == 4 || size == 8;
            case 'u':
                return size == 1 || size == 2 || size == 4;
            case 'b':
                return size == 1;
            default:
                return false;
        }
    }

    private static String describe(char kind, int size) {
        switch (kind) {
            case 'U':
                return "Unicode strings";
            case 'S':
            case 'a':
                return "byte strings";
            case 'O':
                return "Python objects";
            case 'c':
                return "complex numbers";
            case 'M':
            case 'm':
                return "dates or time deltas";
            case 'V':
                return "raw bytes";
            default:
                return String.format(Locale.ROOT, "kind '%c', %d bytes", kind, size);
        }
    }

    /**
     * Every value of the file in C order as doubles (for arrays of moderate size; streaming readers use
     * {@link #next} row by row).
     *
     * @throws IOException if the file cannot be read
     */
    public double[] readAll() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(Math.multiplyExact(rows, rowBytes())).order(order);
        try (FileChannel ch = FileChannel.open(file)) {
            while (data.hasRemaining() && ch.read(data, dataOffset + data.position()) > 0) {
                // read the values
            }
        }
        data.flip();
        double[] out = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < out.length; i++) {
            out[i] = next(data);
        }
        return out;
    }

    /** Bytes per row. */
    public int rowBytes() {
        return cols * itemSize;
    }

    /** Reads the next value of this header's dtype from {@code b} (in this header's byte order) as a double. */
    public double next(ByteBuffer b) {
        switch (kind) {
            case 'f':
                return itemSize == 8 ? b.getDouble() : b.getFloat();
            case 'i':
                return itemSize == 1 ? b.get() : itemSize == 2 ? b.getShort() : itemSize == 4 ? b.getInt()
                        : (double) b.getLong();
            case 'u':
                return itemSize == 1 ? b.get() & 0xff : itemSize == 2 ? b.getShort() & 0xffff
                        : b.getInt() & 0xffffffffL;
            default:
                return b.get() != 0 ? 1 : 0;
        }
    }
}
