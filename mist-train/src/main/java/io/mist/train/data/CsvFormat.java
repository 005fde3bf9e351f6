package io.mist.train.data;

import io.mist.core.internal.Checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CSV rules shared by the in-memory reader of the CLI and the streaming {@link CsvData}: the separator
 * is the first of comma, semicolon, tab or whitespace found in the first data line; lines that are blank or
 * start with {@code #} are skipped; a first line with a non-numeric cell is a header; cells are parsed as
 * finite doubles, with messages that name the file, the line and the column.
 */
public final class CsvFormat {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CsvFormat() {
    }

    /** Receives the lines of a file read by {@link #scan}. */
    public interface LineVisitor {
        /** The header's cells; called at most once, before any row. */
        default void header(String[] cells) {
        }

        /** One data row; every row has as many cells as the header (or the first row). */
        void row(int lineNumber, String[] cells);
    }

    /**
     * Reads {@code file} line by line by these rules (comments and blank lines skipped, the separator and a
     * header from the first data line, every row as wide as the first) and hands each row to
     * {@code visitor}; problems are reported against {@code name} (e.g. {@code --x}).
     *
     * @return the number of data rows
     * @throws IllegalArgumentException for a row whose width differs, naming the file and the line
     */
    public static int scan(String name, Path file, LineVisitor visitor) throws IOException {
        int rows = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String sep = null;
            int width = -1;
            int lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (skipped(line)) {
                    continue;
                }
                boolean first = sep == null;
                if (first) {
                    sep = separator(line);
                }
                String[] cells = split(line, sep);
                if (first && isHeader(cells)) {
                    width = cells.length;
                    visitor.header(cells);
                    continue;
                }
                if (width < 0) {
                    width = cells.length;
                } else if (cells.length != width) {
                    throw Checks.fail("%s: %s line %d has %d columns, expected %d", name, file, lineNo, cells.length,
                            width);
                }
                visitor.row(lineNo, cells);
                rows++;
            }
        }
        return rows;
    }

    /** Whether {@code line} carries no data (blank or a {@code #} comment). */
    public static boolean skipped(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    /** The separator (a regular expression) of a file whose first data line is {@code line}. */
    public static String separator(String line) {
        String t = line.strip();
        return t.contains(",") ? "," : t.contains(";") ? ";" : t.contains("\t") ? "\t" : WHITESPACE.pattern();
    }

    /** The cells of {@code line}, split at {@code separator} (empty cells kept). */
    public static String[] split(String line, String separator) {
        return line.strip().split(separator, -1);
    }

    /** Whether a first line with these cells is a header (some cell is neither empty nor a number). */
    public static boolean isHeader(String[] cells) {
        for (String c : cells) {
            String s = c.strip();
            if (!s.isEmpty() && !isNumber(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            String l = s.toLowerCase(Locale.ROOT);
            return l.equals("nan") || l.equals("inf") || l.equals("-inf");
        }
    }

    /**
     * Parses one cell as a finite double; problems are reported against {@code name}, {@code file},
     * {@code where} (e.g. {@code line 7}) and the zero-based column.
     *
     * @throws IllegalArgumentException for an empty, non-numeric or non-finite cell
     */
    public static double parseCell(String name, Path file, String where, int col, String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            throw Checks.fail("%s: %s %s, column %d is empty (missing value)", name, file, where, col);
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            if (!isNumber(s)) {
                throw Checks.fail("%s: %s %s, column %d: '%s' is not a number", name, file, where, col, s);
            }
            v = Double.NaN; // nan, inf or -inf spelled as other tools write them
        }
        if (!Double.isFinite(v)) {
            throw Checks.fail("%s: %s %s, column %d is %s; remove or impute non-finite values", name, file, where,
                    col, s);
        }
        return v;
    }
}
