package io.mist.cli;

import io.mist.core.internal.Checks;
import io.mist.core.Samples;
import io.mist.train.data.ColumnSelection;
import io.mist.train.data.CsvFormat;
import io.mist.train.internal.NpyHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@link Samples} from CSV (comma-, semicolon- or tab-separated, header optional, detected by a
 * non-numeric first row) or NumPy {@code .npy} files (the dtypes and shapes of {@link NpyHeader}).
 */
public final class DataFiles {
    private DataFiles() {
    }

    /**
     * Reads the file and columns of {@code spec}; problems are reported against {@code name}.
     *
     * @throws IllegalArgumentException for a missing or malformed file, bad columns or non-finite values
     */
    public static Samples read(String name, DataSpec spec) {
        Path file = spec.file();
        requireFile(name, file);
        try {
            return isNpy(file) ? readNpy(name, file, spec.columns())
                    : readCsv(name, file, spec.columns());
        } catch (NoSuchFileException e) {
            throw Checks.fail("%s: file not found: %s", name, file);
        } catch (IOException e) {
            throw Checks.fail("%s: cannot read %s: %s", name, file, e.getMessage());
        }
    }

    /** Checks that {@code file} (the value of option {@code name}) is a regular file. */
    static void requireFile(String name, Path file) {
        if (Files.isDirectory(file)) {
            throw Checks.fail("%s: %s is a directory, not a data file", name, file);
        }
        if (!Files.isRegularFile(file)) {
            throw Checks.fail("%s: file not found: %s", name, file);
        }
    }

    /** Whether {@code file} is read as NumPy {@code .npy} (by its extension), else as CSV. */
    static boolean isNpy(Path file) {
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    /**
     * Reads the {@code columns} (all when null) of a CSV file; only the selected cells are parsed, so other
     * columns may hold labels or missing values.
     */
    static Samples readCsv(String name, Path file, int[] columns) throws IOException {
        List<double[]> rows = new ArrayList<>();
        CsvFormat.scan(name, file, new CsvFormat.LineVisitor() {
            private int[] select;

            @Override
            public void header(String[] cells) {
                select = ColumnSelection.resolve(name, file, columns, cells.length);
            }

            @Override
            public void row(int lineNumber, String[] cells) {
                if (select == null) {
                    select = ColumnSelection.resolve(name, file, columns, cells.length);
                }
                double[] row = new double[select.length];
                for (int j = 0; j < select.length; j++) {
                    row[j] = CsvFormat.parseCell(name, file, "line " + lineNumber, select[j], cells[select[j]]);
                }
                rows.add(row);
            }
        });
        if (rows.isEmpty()) {
            throw Checks.fail("%s: %s has no data rows", name, file);
        }
        return Samples.of(name + " (" + file.getFileName() + ")", rows.toArray(new double[0][]));
    }

    /** Reads the {@code columns} (all when null) of a {@code .npy} file; only those are checked for NaN. */
    static Samples readNpy(String name, Path file, int[] columns) throws IOException {
        NpyHeader h = NpyHeader.read(name, file);
        int n = h.rows();
        int cols = h.cols();
        int[] select = ColumnSelection.resolve(name, file, columns, cols);
        double[] all = readNpyValues(h);
        double[] out = new double[Math.multiplyExact(n, select.length)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < select.length; j++) {
                double v = all[i * cols + select[j]];
                if (!Double.isFinite(v)) {
                    throw Checks.fail("%s (%s): value at row %d, column %d is %s; remove or impute non-finite values",
                            name, file.getFileName(), i, select[j], Double.isNaN(v) ? "NaN" : "infinite");
                }
                out[i * select.length + j] = v;
            }
        }
        return Samples.ofRowMajor(name + " (" + file.getFileName() + ")", out, n, select.length);
    }

    /** Every value of the {@code .npy} file of header {@code h}, row-major, as doubles (non-finite kept). */
    static double[] readNpyValues(NpyHeader h) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(Math.multiplyExact(h.rows(), h.rowBytes())).order(h.order());
        try (FileChannel ch = FileChannel.open(h.file())) {
            while (data.hasRemaining() && ch.read(data, h.dataOffset() + data.position()) > 0) {
                // read the values
            }
        }
        data.flip();
        double[] out = new double[Math.multiplyExact(h.rows(), h.cols())];
        for (int i = 0; i < out.length; i++) {
            out[i] = h.next(data);
        }
        return out;
    }
}
