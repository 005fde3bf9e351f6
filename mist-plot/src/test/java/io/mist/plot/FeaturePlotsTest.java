package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.estimators.rmi.FunctionFeature;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class FeaturePlotsTest {
    private static Samples grid() {
        double[][] v = new double[400][2];
        for (int i = 0; i < 400; i++) {
            v[i][0] = (i % 20) / 19.0 * 4 - 2;
            v[i][1] = (i / 20) / 19.0 * 2 - 1;
        }
        return Samples.of("x", v);
    }

    /** The level lines of x[0] are vertical: every traced point of a line has x[0] at one of the deciles. */
    @Test
    void levelLinesOfALinearFeatureAreStraight(@TempDir Path dir) throws Exception {
        XYChart chart = FeaturePlots.levelLines(FunctionFeature.of(2, 1, v -> new double[] {v[0]}), grid(), "x0");
        double[] xs = chart.getSeriesMap().get("feature level lines (deciles)").getXData();
        for (double x : xs) {
            double decile = Math.rint((x + 2) / 4 * 19) / 19 * 4 - 2;
            assertEquals(decile, x, 1e-9);
        }
        Path png = dir.resolve("f.png");
        FeaturePlots.writeLevelLines(FunctionFeature.of(2, 1, v -> new double[] {v[0] + v[1]}), grid(), "t", png);
        assertTrue(Files.size(png) > 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeaturePlots.writeLevelLines(
                FunctionFeature.of(2, 2, v -> v), grid(), "t", png));
        assertTrue(e.getMessage().contains("scalar feature"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> FeaturePlots.writeLevelLines(
                FunctionFeature.of(2, 1, v -> new double[] {v[0]}), grid(), "t", dir.resolve("f.svg")));
    }
}
