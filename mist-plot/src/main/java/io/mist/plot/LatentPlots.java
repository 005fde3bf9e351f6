package io.mist.plot;

import io.mist.core.internal.Checks;
import io.mist.estimators.latent.LatentMiModel;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The embedding of a latent-MI fit ({@code lmi}): for x and for y, the first two latent coordinates of every
 * row as a scatter, held-out rows (those the MI was measured on) and training rows in two colours; one PNG with
 * the two panels side by side.
 */
public final class LatentPlots {
    private LatentPlots() {
    }

    /**
     * Writes the two embedding panels of {@code model} to {@code file} (PNG).
     *
     * @throws IllegalArgumentException if the file is not a {@code .png} or the model has fewer than two latent
     *     dimensions ({@code n_dims})
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void writeEmbedding(LatentMiModel model, Path file) {
        Checks.notNull("model", model);
        Checks.notNull("file", file);
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw Checks.fail("file: the embedding plot is a .png, got '%s'", name);
        }
        if (model.latentDim() < 2) {
            throw Checks.fail("model: the embedding plot needs n_dims >= 2, got %d", model.latentDim());
        }
        List<XYChart> charts = List.of(panel("x", model.embeddingX(), model), panel("y", model.embeddingY(), model));
        try {
            BitmapEncoder.saveBitmap(charts, 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
    }

    /** The scatter of latent coordinates 0 and 1 of one variable. */
    static XYChart panel(String variable, double[][] z, LatentMiModel model) {
        XYChart chart = new XYChartBuilder().width(560).height(520)
                .title("latent embedding of " + variable + " (" + model.regularizer().id() + ")")
                .xAxisTitle("z_" + variable + "[0]").yAxisTitle("z_" + variable + "[1]").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(3);
        int held = model.heldOutRows().length;
        double[][] h = new double[2][held];
        double[][] t = new double[2][z.length - held];
        int a = 0;
        int b = 0;
        for (int i = 0; i < z.length; i++) {
            if (model.isHeldOut(i)) {
                h[0][a] = z[i][0];
                h[1][a++] = z[i][1];
            } else {
                t[0][b] = z[i][0];
                t[1][b++] = z[i][1];
            }
        }
        add(chart, "training rows", t, new Color(150, 150, 150, 70));
        add(chart, "held-out rows (MI measured here)", h, new Color(30, 90, 190, 110));
        return chart;
    }

    private static void add(XYChart chart, String name, double[][] xy, Color color) {
        if (xy[0].length == 0) {
            return;
        }
        XYSeries s = chart.addSeries(name, xy[0], xy[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }
}
