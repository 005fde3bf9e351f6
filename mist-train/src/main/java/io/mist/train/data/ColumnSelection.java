package io.mist.train.data;

import io.mist.core.internal.Checks;

import java.nio.file.Path;

/** Zero-based column selections of data files ({@code FILE:COLS} on the command line). */
public final class ColumnSelection {
    private ColumnSelection() {
    }

    /**
     * The selected columns of a file with {@code width} columns: {@code columns} itself, checked, or
     * {@code 0..width-1} when {@code columns} is null; problems are reported against {@code name}.
     *
     * @throws IllegalArgumentException if a column does not exist or none is selected
     */
    public static int[] resolve(String name, Path file, int[] columns, int width) {
        if (columns == null) {
            int[] all = new int[width];
            for (int j = 0; j < width; j++) {
                all[j] = j;
            }
            return all;
        }
        if (columns.length == 0) {
            throw Checks.fail("%s: no columns selected from %s", name, file);
        }
        for (int c : columns) {
            if (c < 0 || c >= width) {
                throw Checks.fail("%s: column %d does not exist in %s, which has %d column%s (0-based)", name, c,
                        file, width, width == 1 ? "" : "s");
            }
        }
        return columns.clone();
    }
}
