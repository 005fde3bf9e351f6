package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curves against the truth and grid heat maps are written as PNGs; malformed input is refused. */
class CurvePlotsTest {
    @Test
    void writesCurvesAndHeatMaps(@TempDir Path dir) throws Exception {
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("a", new double[] {0.1, 0.3, 0.4});
        curves.put("b", new double[] {0.2, 0.25});
        Path c = dir.resolve("c.png");
        CurvePlots.writeCurves(curves, "epoch", "t", OptionalDouble.of(0.5), c);
        assertTrue(Files.size(c) > 1000);
        Path h = dir.resolve("h.png");
        CurvePlots.writeGridHeatMap(new double[] {-1, 0, 1}, new double[] {0, 1},
                new double[][] {{1, 2, 3}, {4, 5, 6}}, "t(x, y)", h);
        assertTrue(Files.size(h) > 1000);
        assertThrows(IllegalArgumentException.class, () -> CurvePlots.writeCurves(Map.of(), "e", "t",
                OptionalDouble.empty(), dir.resolve("x.png")));
        assertThrows(IllegalArgumentException.class, () -> CurvePlots.writeGridHeatMap(new double[] {0, 1},
                new double[] {0}, new double[][] {{1, Double.NaN}}, "t", dir.resolve("y.png")));
        assertTrue(!Files.exists(dir.resolve("y.png")));
    }
}
