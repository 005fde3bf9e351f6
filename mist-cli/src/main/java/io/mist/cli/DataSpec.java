package io.mist.cli;

import io.mist.core.internal.Checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A data argument {@code FILE[:COLS]}: a CSV or NPY file and, optionally, the zero-based columns to use,
 * written as a comma-separated list of indices and inclusive ranges ({@code 0,2-4}).
 *
 * @param file the file
 * @param columns the selected columns in order, or {@code null} for all
 */
public record DataSpec(Path file, int[] columns) {
    private static final Pattern COLS = Pattern.compile("[0-9][0-9\\s,\\-]*");

    /**
     * Parses {@code FILE[:COLS]} for the argument {@code name} (e.g. {@code --x}).
     *
     * @throws IllegalArgumentException for an empty spec or a malformed column list
     */
    public static DataSpec parse(String name, String spec) {
        if (spec == null || spec.isBlank()) {
            throw Checks.fail("%s: expected FILE[:COLS], got an empty value", name);
        }
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && COLS.matcher(spec.substring(colon + 1)).matches()) {
            return new DataSpec(Path.of(spec.substring(0, colon)), parseColumns(name, spec.substring(colon + 1)));
        }
        if (colon == spec.length() - 1) {
            throw Checks.fail("%s: empty column list after ':' in '%s'", name, spec);
        }
        if (colon > 0 && !Path.of(spec).toFile().exists()) {
            throw Checks.fail("%s: bad column spec '%s' in '%s'; use indices and ranges like 0,2-4", name,
                    spec.substring(colon + 1), spec);
        }
        return new DataSpec(Path.of(spec), null);
    }

    /**
     * The data of one variable from the CLI's two forms: {@code --x FILE[:COLS]} (optionally with
     * {@code --x-columns COLS}), or {@code --data FILE} with {@code --x-columns COLS}.
     *
     * @param name the file option, e.g. {@code --x}
     * @param value its value, or {@code null}
     * @param columnsName the columns option, e.g. {@code --x-columns}
     * @param columns its value, or {@code null}
     * @param data the value of {@code --data}, or {@code null}
     * @throws IllegalArgumentException when both or neither file forms are given, or columns are given twice
     */
    public static DataSpec select(String name, String value, String columnsName, String columns, String data) {
        if (data != null && value != null) {
            throw Checks.fail("%s and --data are alternatives: give %s FILE[:COLS], or --data FILE with %s", name,
                    name, columnsName);
        }
        if (data == null && value == null) {
            throw Checks.fail("missing %s: give %s FILE[:COLS], or --data FILE with %s COLS", name, name,
                    columnsName);
        }
        if (data != null && columns == null) {
            throw Checks.fail("--data needs %s: the columns of %s in the file, like 0-2", columnsName,
                    name.substring(2).toUpperCase(java.util.Locale.ROOT));
        }
        DataSpec spec = data != null ? parse("--data", data) : parse(name, value);
        if (columns == null) {
            return spec;
        }
        if (spec.columns() != null) {
            throw Checks.fail("%s already names its columns in '%s'; drop %s or the ':COLS' part", name, value,
                    columnsName);
        }
        return new DataSpec(spec.file(), parseColumns(columnsName, columns));
    }

    static int[] parseColumns(String name, String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw Checks.fail("%s: bad column spec '%s': empty entry", name, text);
            }
            try {
                int dash = p.indexOf('-');
                if (dash < 0) {
                    out.add(Integer.parseInt(p));
                } else {
                    int from = Integer.parseInt(p.substring(0, dash).trim());
                    int to = Integer.parseInt(p.substring(dash + 1).trim());
                    if (to < from) {
                        throw Checks.fail("%s: bad column spec '%s': range %d-%d is reversed", name, text, from, to);
                    }
                    for (int c = from; c <= to; c++) {
                        out.add(c);
                    }
                }
            } catch (NumberFormatException e) {
                throw Checks.fail("%s: bad column spec '%s'; use indices and ranges like 0,2-4", name, text);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
