package io.mist.plot;

import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.estimators.gmm.FittedGmm;
import io.mist.estimators.gmm.Mixture;
import io.mist.core.internal.Statistics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Diagnostic plots of a fitted GMM-MI model (XChart), drawn in the plane of the first x column and the
 * first y column:
 * <ul>
 *   <li>{@link #ellipses}: the data as a scatter with each component's 1-sigma ellipse
 *       {@code mu + L (cos t, sin t)}, {@code L L^T} the component's 2x2 marginal covariance;</li>
 *   <li>{@link #density}: contours of a Gaussian kernel density estimate (Scott's bandwidth) of the data and
 *       of as many samples drawn from the model, at the same levels (10, 30, 50, 70, 90% of the data
 *       density's maximum), traced by marching squares on a 80 x 80 grid.</li>
 * </ul>
 * {@link #write} saves both: side by side in one PNG, or as two SVG files.
 */
public final class GmmPlots {
    private static final int GRID = 80;
    private static final int MAX_POINTS = 4000;
    private static final double[] LEVELS = {0.1, 0.3, 0.5, 0.7, 0.9};

    private GmmPlots() {
    }

    /**
     * Writes the ellipse and density plots of {@code model} over the data {@code x}, {@code y} (the data the
     * model was fitted on, or comparable data). A {@code .png} file gets both panels side by side; a
     * {@code .svg} file gets the ellipses and a sibling {@code <name>-density.svg} the contours.
     *
     * @throws IllegalArgumentException on another extension or data that do not match the model's shape
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(FittedGmm model, Samples x, Samples y, Path file) {
        Checks.notNull("file", file);
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        XYChart e = ellipses(model, x, y);
        XYChart d = density(model, x, y, model.seed());
        try {
            if (lower.endsWith(".png")) {
                BitmapEncoder.saveBitmap(List.of(e, d), 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            } else if (lower.endsWith(".svg")) {
                VectorGraphicsEncoder.saveVectorGraphic(e, file.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                String stem = name.substring(0, name.length() - 4);
                Path other = file.resolveSibling(stem + "-density.svg");
                VectorGraphicsEncoder.saveVectorGraphic(d, other.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                throw Checks.fail("file: plot format must be .png or .svg, got '%s'", name);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write plot " + file, ex);
        }
    }

    /** Scatter of the data with the 1-sigma ellipse of every component. */
    public static XYChart ellipses(FittedGmm model, Samples x, Samples y) {
        double[][] xy = plane(model, x, y);
        XYChart chart = chart("GMM fit: " + model.components() + " components, 1-sigma ellipses", x, y);
        XYSeries pts = chart.addSeries("data", xy[0], xy[1]);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(new Color(70, 110, 180, 90));
        Mixture m = model.model().marginal(0, model.dx());
        int steps = 120;
        for (int c = 0; c < m.components(); c++) {
            double[] mu = m.mean(c);
            double[] l = cholesky2(m.covariance(c));
            double[] ex = new double[steps + 1];
            double[] ey = new double[steps + 1];
            for (int s = 0; s <= steps; s++) {
                double t = 2 * Math.PI * s / steps;
                double a = Math.cos(t);
                double b = Math.sin(t);
                ex[s] = mu[0] + l[0] * a;
                ey[s] = mu[1] + l[2] * a + l[3] * b;
            }
            XYSeries el = chart.addSeries(String.format(Locale.ROOT, "component %d (w = %.2f)", c + 1, m.weight(c)),
                    ex, ey);
            el.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            el.setMarker(SeriesMarkers.NONE);
            el.setLineWidth(2.5f);
        }
        return chart;
    }

    /** Density contours of the data (solid) and of samples from the model (dashed). */
    public static XYChart density(FittedGmm model, Samples x, Samples y, long seed) {
        double[][] data = plane(model, x, y);
        int n = data[0].length;
        Mixture m = model.model().marginal(0, model.dx());
        double[] s = m.sample(n, Seeds.rng(seed, RandomStream.GMM_PLOT_SAMPLE));
        double[][] sim = new double[2][n];
        for (int i = 0; i < n; i++) {
            sim[0][i] = s[2 * i];
            sim[1][i] = s[2 * i + 1];
        }
        double[] lo = {min(data[0]), min(data[1])};
        double[] hi = {max(data[0]), max(data[1])};
        double[] h = {scott(data[0]), scott(data[1])};
        for (int j = 0; j < 2; j++) {
            lo[j] -= 2 * h[j];
            hi[j] += 2 * h[j];
        }
        double[][] fData = kde(data, lo, hi, h);
        double[][] fModel = kde(sim, lo, hi, h);
        double top = 0;
        for (double[] row : fData) {
            for (double v : row) {
                top = Math.max(top, v);
            }
        }
        XYChart chart = chart("Density: data (solid) vs model samples (dashed)", x, y);
        addContours(chart, "data", fData, lo, hi, top, new Color(30, 60, 160), false);
        addContours(chart, "model", fModel, lo, hi, top, new Color(200, 60, 30), true);
        return chart;
    }

    private static XYChart chart(String title, Samples x, Samples y) {
        XYChart chart = new XYChartBuilder().width(640).height(560).title(title)
                .xAxisTitle(x.dim() == 1 ? "x" : "x[0]").yAxisTitle(y.dim() == 1 ? "y" : "y[0]").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    private static void addContours(XYChart chart, String name, double[][] f, double[] lo, double[] hi, double top,
            Color color, boolean dashed) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double level : LEVELS) {
            marchingSquares(f, lo, hi, level * top, xs, ys);
        }
        if (xs.isEmpty()) {
            return;
        }
        double[] ax = new double[xs.size()];
        double[] ay = new double[ys.size()];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = xs.get(i);
            ay[i] = ys.get(i);
        }
        XYSeries se = chart.addSeries(name, ax, ay);
        se.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        se.setMarker(SeriesMarkers.NONE);
        se.setLineColor(color);
        se.setLineStyle(dashed ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(1.8f));
    }

    /**
     * Appends the segments of the {@code level} contour of {@code f} (grid {@code [GRID][GRID]} over the box),
     * each as two points followed by a NaN gap.
     */
    static void marchingSquares(double[][] f, double[] lo, double[] hi, double level, List<Double> xs,
            List<Double> ys) {
        int g = f.length;
        double dx = (hi[0] - lo[0]) / (g - 1);
        double dy = (hi[1] - lo[1]) / (g - 1);
        double[] px = new double[4];
        double[] py = new double[4];
        for (int i = 0; i < g - 1; i++) {
            for (int j = 0; j < g - 1; j++) {
                double a = f[i][j];
                double b = f[i + 1][j];
                double c = f[i + 1][j + 1];
                double d = f[i][j + 1];
                int cnt = 0;
                double x0 = lo[0] + i * dx;
                double y0 = lo[1] + j * dy;
                // edges: bottom (a-b), right (b-c), top (d-c), left (a-d)
                if ((a >= level) != (b >= level)) {
                    px[cnt] = x0 + dx * (level - a) / (b - a);
                    py[cnt++] = y0;
                }
                if ((b >= level) != (c >= level)) {
                    px[cnt] = x0 + dx;
                    py[cnt++] = y0 + dy * (level - b) / (c - b);
                }
                if ((d >= level) != (c >= level)) {
                    px[cnt] = x0 + dx * (level - d) / (c - d);
                    py[cnt++] = y0 + dy;
                }
                if ((a >= level) != (d >= level)) {
                    px[cnt] = x0;
                    py[cnt++] = y0 + dy * (level - a) / (d - a);
                }
                for (int s = 0; s + 1 < cnt; s += 2) {
                    xs.add(px[s]);
                    ys.add(py[s]);
                    xs.add(px[s + 1]);
                    ys.add(py[s + 1]);
                    xs.add(px[s + 1]);
                    ys.add(Double.NaN);
                }
            }
        }
    }

    private static double[][] kde(double[][] pts, double[] lo, double[] hi, double[] h) {
        int n = pts[0].length;
        double[][] f = new double[GRID][GRID];
        double dx = (hi[0] - lo[0]) / (GRID - 1);
        double dy = (hi[1] - lo[1]) / (GRID - 1);
        double[] kx = new double[GRID];
        for (int p = 0; p < n; p++) {
            for (int i = 0; i < GRID; i++) {
                double u = (lo[0] + i * dx - pts[0][p]) / h[0];
                kx[i] = u * u < 40 ? Math.exp(-0.5 * u * u) : 0;
            }
            for (int j = 0; j < GRID; j++) {
                double v = (lo[1] + j * dy - pts[1][p]) / h[1];
                if (v * v >= 40) {
                    continue;
                }
                double ky = Math.exp(-0.5 * v * v);
                for (int i = 0; i < GRID; i++) {
                    f[i][j] += kx[i] * ky;
                }
            }
        }
        double norm = 1.0 / (n * 2 * Math.PI * h[0] * h[1]);
        for (double[] row : f) {
            for (int j = 0; j < GRID; j++) {
                row[j] *= norm;
            }
        }
        return f;
    }

    /** The first x and first y column, subsampled to at most {@value #MAX_POINTS} rows. */
    private static double[][] plane(FittedGmm model, Samples x, Samples y) {
        Checks.notNull("model", model);
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        if (x.dim() != model.dx() || y.dim() != model.dy()) {
            throw Checks.fail("x and y have dimensions %d and %d, the model %d and %d", x.dim(), y.dim(),
                    model.dx(), model.dy());
        }
        int n = x.n();
        int[] idx;
        if (n > MAX_POINTS) {
            UniformRandomProvider rng = Seeds.rng(model.seed(), RandomStream.GMM_PLOT_DENSITY);
            int[] perm = Seeds.permutation(n, rng);
            idx = java.util.Arrays.copyOf(perm, MAX_POINTS);
        } else {
            idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
        }
        double[][] out = new double[2][idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[0][i] = x.get(idx[i], 0);
            out[1][i] = y.get(idx[i], 0);
        }
        return out;
    }

    /** Lower Cholesky factor {@code {l00, 0, l10, l11}} of a 2x2 positive definite covariance. */
    private static double[] cholesky2(double[][] a) {
        double l00 = Math.sqrt(a[0][0]);
        double l10 = a[1][0] / l00;
        return new double[] {l00, 0, l10, Math.sqrt(a[1][1] - l10 * l10)};
    }

    private static double scott(double[] v) {
        double sd = Statistics.standardDeviation(v);
        return Math.max(sd, 1e-12) * Math.pow(v.length, -1.0 / 6.0);
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double a : v) {
            m = Math.min(m, a);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            m = Math.max(m, a);
        }
        return m;
    }
}
