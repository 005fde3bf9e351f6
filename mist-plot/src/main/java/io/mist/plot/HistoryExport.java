package io.mist.plot;

import io.mist.core.internal.Checks;
import io.mist.core.TrainingHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a {@link TrainingHistory} as CSV or as a PNG plot of the training curve (XChart). */
public final class HistoryExport {
    private HistoryExport() {
    }

    /** Writes {@link TrainingHistory#toCsv()} to {@code file}. */
    public static void writeCsv(TrainingHistory history, Path file) {
        try {
            Files.writeString(file, history.toCsv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Plots the training estimate (smoothed over {@code smoothWindow} steps), the validation estimates and,
     * when given, the true MI as a horizontal line; writes a PNG to {@code file}.
     */
    public static void writePng(TrainingHistory history, Path file, String title, OptionalDouble truth,
            int smoothWindow) {
        Checks.atLeast("smoothWindow", smoothWindow, 1);
        List<TrainingHistory.Step> steps = history.steps();
        if (steps.isEmpty()) {
            throw Checks.fail("history has no training steps to plot");
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("iteration")
                .yAxisTitle("MI estimate (nats)").build();
        double[] it = new double[steps.size()];
        double[] est = new double[steps.size()];
        double run = 0;
        for (int i = 0; i < steps.size(); i++) {
            it[i] = steps.get(i).iteration();
            double v = steps.get(i).estimate();
            run += Double.isFinite(v) ? v : 0;
            if (i >= smoothWindow) {
                double old = steps.get(i - smoothWindow).estimate();
                run -= Double.isFinite(old) ? old : 0;
            }
            est[i] = run / Math.min(i + 1, smoothWindow);
        }
        XYSeries train = chart.addSeries("train (moving average)", it, est);
        train.setMarker(SeriesMarkers.NONE);
        List<TrainingHistory.Evaluation> ev = history.evaluations();
        if (!ev.isEmpty()) {
            double[] vi = new double[ev.size()];
            double[] vv = new double[ev.size()];
            for (int i = 0; i < ev.size(); i++) {
                vi[i] = ev.get(i).iteration();
                vv[i] = ev.get(i).estimate();
            }
            chart.addSeries("validation", vi, vv);
        }
        if (truth.isPresent()) {
            XYSeries t = chart.addSeries("true MI", new double[] {it[0], it[it.length - 1]},
                    new double[] {truth.getAsDouble(), truth.getAsDouble()});
            t.setMarker(SeriesMarkers.NONE);
        }
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
