package io.mist.plot;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.estimators.rmi.Feature;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The level lines of a scalar feature {@code y = f(x)} of 2-D data (e.g. one learned by
 * {@code io.mist.estimators.rmi.FeatureExtraction}), drawn over the data as a PNG: the feature is evaluated on
 * an 80 x 80 grid over the data's box and its contours at the 10%, 20%, ..., 90% quantiles of its values on
 * the data are traced by marching squares. A feature that keeps the data's main direction has level lines
 * across it.
 */
public final class FeaturePlots {
    private static final int GRID = 80;
    private static final int MAX_POINTS = 4000;

    private FeaturePlots() {
    }

    /**
     * Writes the level-line plot of {@code feature} over {@code data} to {@code file} (PNG).
     *
     * @throws IllegalArgumentException if the data are not 2-D, the feature is not a scalar feature of them, or
     *     the file name does not end in {@code .png}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeLevelLines(Feature feature, Samples data, String title, Path file) {
        Checks.notNull("feature", feature);
        Checks.notNull("data", data);
        Checks.notNull("file", file);
        if (data.dim() != 2 || feature.inputDim() != 2 || feature.outputDim() != 1) {
            throw Checks.fail("level lines need 2-D data and a scalar feature of them, got data of %d columns and a "
                    + "feature %d -> %d", data.dim(), feature.inputDim(), feature.outputDim());
        }
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw Checks.fail("file: the level-line plot is a PNG; name it *.png, got %s", file);
        }
        XYChart chart = levelLines(feature, data, title);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The level-line chart of {@code feature} over {@code data} (2-D data, scalar feature). */
    public static XYChart levelLines(Feature feature, Samples data, String title) {
        double[] lo = {GmmPlots.min(data.column(0)), GmmPlots.min(data.column(1))};
        double[] hi = {GmmPlots.max(data.column(0)), GmmPlots.max(data.column(1))};
        double[][] grid = new double[GRID * GRID][2];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[i * GRID + j][0] = lo[0] + (hi[0] - lo[0]) * i / (GRID - 1);
                grid[i * GRID + j][1] = lo[1] + (hi[1] - lo[1]) * j / (GRID - 1);
            }
        }
        Samples values = feature.featureAndJacobian(Samples.of("grid", grid)).values();
        double[][] f = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                f[i][j] = values.get(i * GRID + j, 0);
            }
        }
        double[] onData = feature.featureAndJacobian(data).values().column(0);
        Arrays.sort(onData);
        XYChart chart = new XYChartBuilder().width(640).height(560).title(title).xAxisTitle("x[0]")
                .yAxisTitle("x[1]").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(3);
        int step = Math.max(1, data.n() / MAX_POINTS);
        int count = (data.n() + step - 1) / step;
        double[] px = new double[count];
        double[] py = new double[count];
        for (int k = 0; k < count; k++) {
            px[k] = data.get(k * step, 0);
            py[k] = data.get(k * step, 1);
        }
        XYSeries pts = chart.addSeries("data", px, py);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(new Color(70, 110, 180, 70));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int q = 1; q < 10; q++) {
            GmmPlots.marchingSquares(f, lo, hi, onData[(int) ((long) q * (onData.length - 1) / 10)], xs, ys);
        }
        if (!xs.isEmpty()) {
            XYSeries lines = chart.addSeries("feature level lines (deciles)", xs.stream().mapToDouble(d -> d).toArray(),
                    ys.stream().mapToDouble(d -> d).toArray());
            lines.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            lines.setMarker(SeriesMarkers.NONE);
            lines.setLineColor(new Color(200, 60, 30));
            lines.setLineStyle(new BasicStroke(1.8f));
        }
        return chart;
    }
}
