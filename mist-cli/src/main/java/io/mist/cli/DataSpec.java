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
