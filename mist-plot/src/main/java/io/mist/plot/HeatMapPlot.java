package io.mist.plot;

import io.mist.core.internal.Checks;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A labelled heat map of a {@code rows x columns} table of values, saved as PNG (used by {@code mist bench
 * accuracy} for the relative error of each estimator on each task). Cells whose value is NaN (a run that failed
 * or was skipped) are left blank; the colour scale runs from 0 to {@code max} and larger values take its top
 * colour, so one wild estimate does not wash out the rest.
 */
public final class HeatMapPlot {
    private static final int CELL = 60;
    private static final int MARGIN = 260;

    private HeatMapPlot() {
    }

    /**
     * Writes the heat map to a {@code .png} file, row labels on the vertical axis, column labels on the
     * horizontal one, each cell showing its value.
     *
     * @param title the chart's title
     * @param rows the row labels, bottom to top
     * @param columns the column labels, left to right
     * @param values {@code [rows][columns]} values (NaN for a blank cell)
     * @param max the top of the colour scale (positive)
     * @param file the {@code .png} file to write
     * @throws IllegalArgumentException for mismatched sizes, a non-positive {@code max} or another extension
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(String title, List<String> rows, List<String> columns, double[][] values, double max,
            Path file) {
        Checks.notNull("file", file);
        Checks.positive("max", max);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw Checks.fail("file: the heat map is written as .png, got '%s'", file.getFileName());
        }
        if (values.length != rows.size()) {
            throw Checks.fail("values has %d rows but there are %d row labels", values.length, rows.size());
        }
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) {
                throw Checks.fail("values row %d has %d columns but there are %d column labels", r, values[r].length,
                        columns.size());
            }
            for (int c = 0; c < values[r].length; c++) {
                if (!Double.isNaN(values[r][c])) {
                    cells.add(new Number[] {c, r, Math.min(values[r][c], max)});
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().title(title)
                .width(MARGIN + CELL * Math.max(columns.size(), 4)).height(MARGIN + CELL * Math.max(rows.size(), 4))
                .build();
        chart.getStyler().setShowValue(true).setMin(0).setMax(max).setHeatMapValueDecimalPattern("0.00")
                .setRangeColors(new Color[] {new Color(0x1a9850), new Color(0xfee08b), new Color(0xd73027)});
        chart.getStyler().setXAxisLabelRotation(60);
        chart.addSeries("relative error", columns, rows, cells);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write heat map " + file, e);
        }
    }
}
