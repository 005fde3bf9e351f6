package io.mist.cli;

import io.mist.core.internal.Checks;
import io.mist.train.data.CsvFormat;
import io.mist.train.internal.NpyHeader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table read by column for {@code mist matrix}, from CSV or from a 2-D NumPy {@code .npy} array
 * ({@link #readNpy}: columns {@code c0, c1, ...} unless named, NaN and infinite values missing). CSV: column names
 * from the header (or {@code 0, 1, ...} without one), values as doubles with missing cells as NaN. A cell is missing when it is blank, {@code NA},
 * {@code N/A}, {@code null}, {@code NaN} or infinite (any case); a column is numeric when every other cell
 * parses as a number. Immutable.
 */
final class NumericTable {
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "null", "nan", "inf", "-inf", "+inf");

    private final Path file;
    private final List<String> names;
    private final double[][] columns;
    private final String[] firstText;
    private final int rows;

    private NumericTable(Path file, List<String> names, double[][] columns, String[] firstText, int rows) {
        this.file = file;
        this.names = names;
        this.columns = columns;
        this.firstText = firstText;
        this.rows = rows;
    }

    /**
     * Reads {@code file}, the value of option {@code flag}.
     *
     * @throws IllegalArgumentException for a missing file, ragged lines or no data rows
     */
    static NumericTable read(String flag, Path file) {
        DataFiles.requireFile(flag, file);
        List<String[]> lines = new ArrayList<>();
        String[][] header = new String[1][];
        try {
            CsvFormat.scan(flag, file, new CsvFormat.LineVisitor() {
                @Override
                public void header(String[] cells) {
                    header[0] = cells;
                }

                @Override
                public void row(int lineNumber, String[] cells) {
                    lines.add(cells);
                }
            });
        } catch (IOException e) {
            throw Checks.fail("%s: cannot read %s: %s", flag, file, e.getMessage());
        }
        if (lines.isEmpty()) {
            throw Checks.fail("%s: %s has no data rows", flag, file);
        }
        int d = lines.get(0).length;
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            names.add(header[0] == null ? Integer.toString(j) : header[0][j].strip());
        }
        double[][] columns = new double[d][lines.size()];
        String[] firstText = new String[d];
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < d; j++) {
                String s = lines.get(i)[j].strip();
                columns[j][i] = parse(s);
                if (Double.isNaN(columns[j][i]) && !MISSING.contains(s.toLowerCase(Locale.ROOT))
                        && firstText[j] == null) {
                    firstText[j] = s;
                }
            }
        }
        return new NumericTable(file, List.copyOf(names), columns, firstText, lines.size());
    }

    /**
     * Reads the 2-D {@code .npy} {@code file}, the value of option {@code flag}: every column numeric, NaN and
     * infinite values missing, columns named {@code c0, c1, ...} or by {@code names} (the value of option
     * {@code namesFlag}; null for the default).
     *
     * @throws IllegalArgumentException for a missing or malformed file, no rows, or names that do not match
     */
    static NumericTable readNpy(String flag, Path file, String namesFlag, List<String> names) {
        DataFiles.requireFile(flag, file);
        NpyHeader h;
        double[] all;
        try {
            h = NpyHeader.read(flag, file);
            all = DataFiles.readNpyValues(h);
        } catch (IOException e) {
            throw Checks.fail("%s: cannot read %s: %s", flag, file, e.getMessage());
        }
        int n = h.rows();
        int d = h.cols();
        if (n == 0) {
            throw Checks.fail("%s: %s has no data rows", flag, file);
        }
        List<String> named = new ArrayList<>(d);
        if (names == null) {
            for (int j = 0; j < d; j++) {
                named.add("c" + j);
            }
        } else {
            names.forEach(s -> named.add(s.strip()));
            if (named.size() != d || named.stream().distinct().count() != d || named.contains("")) {
                throw Checks.fail("%s: give %d distinct names, one per column of %s (shape %d x %d), got %d: %s",
                        namesFlag, d, file.getFileName(), n, d, named.size(), String.join(",", named));
            }
        }
        double[][] columns = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = all[i * d + j];
                columns[j][i] = Double.isFinite(v) ? v : Double.NaN;
            }
        }
        return new NumericTable(file, List.copyOf(named), columns, new String[d], n);
    }

    private static double parse(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The file read. */
    Path file() {
        return file;
    }

    /** Number of data rows. */
    int rows() {
        return rows;
    }

    /** The column names, in file order. */
    List<String> names() {
        return names;
    }

    /** Whether every non-missing cell of column {@code j} is a number. */
    boolean isNumeric(int j) {
        return firstText[j] == null;
    }

    /** The names of the numeric columns, in file order. */
    List<String> numericNames() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (isNumeric(j)) {
                out.add(names.get(j));
            }
        }
        return out;
    }

    /**
     * The index of the numeric column {@code name}, given with option {@code flag}.
     *
     * @throws IllegalArgumentException naming the flag and the file's columns if there is no such column, or
     *     the first non-numeric cell if it is not numeric
     */
    int numericColumn(String flag, String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw Checks.fail("%s: unknown column '%s'; columns in %s: %s", flag, name, file.getFileName(),
                    String.join(", ", names));
        }
        if (!isNumeric(j)) {
            throw Checks.fail("%s: column '%s' is not numeric (it holds '%s'); drop it from %s", flag, name,
                    firstText[j], flag);
        }
        return j;
    }

    /** A copy of column {@code j}, missing cells as NaN. */
    double[] column(int j) {
        return Arrays.copyOf(columns[j], rows);
    }
}
