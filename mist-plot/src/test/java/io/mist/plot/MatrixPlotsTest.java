package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MI heat map: a PNG sized by the matrix; mismatched labels and empty matrices are refused. */
class MatrixPlotsTest {
    @Test
    void writesAPngSizedByTheMatrix(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("mi.png");
        double[][] mi = {{Double.NaN, 0.5, 0.01}, {0.5, Double.NaN, 0.2}, {0.01, 0.2, Double.NaN}};
        MatrixPlots.writeHeatMap(List.of("a", "b", "c"), List.of("a", "b", "c"), mi, "ksg", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(220 + 3 * 60, image.getWidth());
        assertEquals(220 + 3 * 60, image.getHeight());
        int colours = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            colours += image.getRGB(image.getWidth() / 2, y) != image.getRGB(image.getWidth() / 2, 0) ? 1 : 0;
        }
        assertTrue(colours > 5, "the image is not blank");
    }

    @Test
    void mismatchedLabelsAndEmptyMatricesAreRefused(@TempDir Path dir) {
        Path png = dir.resolve("mi.png");
        assertEquals("heat map: 1 rows of values for 2 row labels", assertThrows(IllegalArgumentException.class,
                () -> MatrixPlots.writeHeatMap(List.of("a", "b"), List.of("c"), new double[][] {{1}}, "t", png))
                .getMessage());
        assertEquals("heat map: no cell has a finite value", assertThrows(IllegalArgumentException.class,
                () -> MatrixPlots.writeHeatMap(List.of("a"), List.of("a"), new double[][] {{Double.NaN}}, "t", png))
                .getMessage());
    }
}
