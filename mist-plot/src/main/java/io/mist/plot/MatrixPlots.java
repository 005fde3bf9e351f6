package io.mist.plot;

import io.mist.core.internal.Checks;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A matrix of mutual-information values (as {@code mist matrix} computes) as a PNG heat map, rows and columns
 * labelled with the variable names (row 0 on top, as in a table) and each cell printed with its value. Cells without a value (NaN, such as
 * the diagonal of a pairwise matrix) are left blank.
 */
public final class MatrixPlots {
    private static final int PIXELS_PER_CELL = 60;
    private static final int MARGIN = 220;

    private MatrixPlots() {
    }

    /**
     * Writes {@code values[r][c]} (row {@code r} labelled {@code rows.get(r)}, column {@code c} labelled
     * {@code columns.get(c)}) as a PNG heat map to {@code file}.
     *
     * @throws IllegalArgumentException if the labels do not match the matrix, or no cell has a finite value
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeHeatMap(List<String> rows, List<String> columns, double[][] values, String title,
            Path file) {
        Checks.notNull("rows", rows);
        Checks.notNull("columns", columns);
        Checks.notNull("values", values);
        Checks.notNull("file", file);
        if (values.length != rows.size()) {
            throw Checks.fail("heat map: %d rows of values for %d row labels", values.length, rows.size());
        }
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) {
                throw Checks.fail("heat map: row %d has %d values for %d column labels", r, values[r].length,
                        columns.size());
            }
            for (int c = 0; c < values[r].length; c++) {
                double v = values[r][c];
                if (Double.isFinite(v)) {
                    cells.add(new Number[] {c, values.length - 1 - r, v});
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (cells.isEmpty()) {
            throw Checks.fail("heat map: no cell has a finite value");
        }
        int width = MARGIN + PIXELS_PER_CELL * columns.size();
        int height = MARGIN + PIXELS_PER_CELL * rows.size();
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).build();
        chart.getStyler().setShowValue(true).setHeatMapValueDecimalPattern("0.000")
                .setRangeColors(new Color[] {Color.WHITE, new Color(0xFD, 0xAE, 0x61), new Color(0xD7, 0x19, 0x1C)})
                .setMin(Math.min(min, 0)).setMax(max > Math.min(min, 0) ? max : Math.min(min, 0) + 1);
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> topDown = new ArrayList<>(rows);
        Collections.reverse(topDown); // the chart's y axis counts upwards; row 0 goes on top, as in a table
        chart.addSeries("MI (nats)", new ArrayList<>(columns), topDown, cells);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
