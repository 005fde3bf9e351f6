package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapPlotTest {
    @TempDir
    Path dir;

    @Test
    void writesAPngWithBlankCellsForNaN() throws IOException {
        Path png = dir.resolve("heat.png");
        HeatMapPlot.write("relative error", List.of("ksg", "gaussian"), List.of("a", "b", "c"),
                new double[][] {{0.1, Double.NaN, 3.0}, {0.0, 0.5, 0.2}}, 1.0, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 200 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void rejectsMismatchedLabelsAndOtherFormats() {
        double[][] v = {{0.1, 0.2}};
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> HeatMapPlot.write("t", List.of("a", "b"), List.of("x", "y"), v, 1, dir.resolve("h.png")));
        assertEquals("values has 1 rows but there are 2 row labels", rows.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> HeatMapPlot.write("t", List.of("a"), List.of("x"), v, 1, dir.resolve("h.png")));
        assertThrows(IllegalArgumentException.class,
                () -> HeatMapPlot.write("t", List.of("a"), List.of("x", "y"), v, 1, dir.resolve("h.svg")));
    }
}
