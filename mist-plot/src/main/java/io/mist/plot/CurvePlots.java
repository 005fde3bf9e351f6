package io.mist.plot;

import io.mist.core.internal.Checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots for comparing estimators while they train: several estimate curves against the true MI (e.g. the
 * per-epoch validation values a {@link io.mist.core.TrainingListener} collects), and a function of two
 * variables on a grid as a heat map (e.g. a trained critic {@code t(x, y)}). Written as PNG (XChart) to the
 * file given; nothing else is written.
 */
public final class CurvePlots {
    private CurvePlots() {
    }

    /**
     * Draws each curve of {@code curves} (its name, its values at x = 1, 2, ...) and, when given, the true
     * MI as a horizontal line; writes a PNG to {@code file}.
     *
     * @throws IllegalArgumentException if there is no curve or a curve is empty
     */
    public static void writeCurves(Map<String, double[]> curves, String xLabel, String title, OptionalDouble truth,
            Path file) {
        Checks.notNull("curves", curves);
        Checks.notNull("file", file);
        if (curves.isEmpty()) {
            throw Checks.fail("curves: nothing to plot");
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(xLabel)
                .yAxisTitle("MI estimate (nats)").build();
        int longest = 0;
        for (Map.Entry<String, double[]> c : curves.entrySet()) {
            double[] y = c.getValue();
            if (y.length == 0) {
                throw Checks.fail("curves: '%s' has no values", c.getKey());
            }
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            chart.addSeries(c.getKey(), x, y).setMarker(SeriesMarkers.NONE);
            longest = Math.max(longest, y.length);
        }
        if (truth.isPresent()) {
            XYSeries t = chart.addSeries("true MI", new double[] {1, Math.max(2, longest)},
                    new double[] {truth.getAsDouble(), truth.getAsDouble()});
            t.setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    /**
     * Draws {@code z[j][i]}, the value at {@code (xs[i], ys[j])}, as a heat map; writes a PNG to {@code file}.
     *
     * @throws IllegalArgumentException if the grid does not match the axes or has a non-finite value
     */
    public static void writeGridHeatMap(double[] xs, double[] ys, double[][] z, String title, Path file) {
        Checks.notNull("xs", xs);
        Checks.notNull("ys", ys);
        Checks.notNull("z", z);
        Checks.notNull("file", file);
        if (z.length != ys.length) {
            throw Checks.fail("heat map: %d rows of values for %d y values", z.length, ys.length);
        }
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ys.length; j++) {
            if (z[j].length != xs.length) {
                throw Checks.fail("heat map: row %d has %d values for %d x values", j, z[j].length, xs.length);
            }
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(z[j][i])) {
                    throw Checks.fail("heat map: the value at x = %s, y = %s is %s", xs[i], ys[j], z[j][i]);
                }
                cells.add(new Number[] {i, j, z[j][i]});
                min = Math.min(min, z[j][i]);
                max = Math.max(max, z[j][i]);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(700).height(600).title(title).xAxisTitle("x")
                .yAxisTitle("y").build();
        chart.getStyler().setMin(min).setMax(max > min ? max : min + 1).setPlotContentSize(1.0);
        chart.getStyler().setXAxisLabelRotation(90);
        List<String> xl = new ArrayList<>();
        for (double v : xs) {
            xl.add(Checks.format("%.2f", v));
        }
        List<String> yl = new ArrayList<>();
        for (double v : ys) {
            yl.add(Checks.format("%.2f", v));
        }
        chart.addSeries("t(x, y)", xl, yl, cells);
        save(chart, file);
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
