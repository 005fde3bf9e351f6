package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.estimators.latent.LatentMiModel;
import io.mist.tasks.ProjectedGaussianTask;
import io.mist.tasks.TaskSample;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The embedding plot: one point per row, held-out and training rows apart, two panels in one PNG. */
class LatentPlotsTest {
    private static LatentMiModel model(int nDims) {
        TaskSample s = ProjectedGaussianTask.of(new double[][] {{1, 0.5}, {0.5, 1}}, 8, 1, 3).sample(200, 1);
        return EstimateMI.with("lmi").option("n_dims", nDims).option("max_epochs", 2).seed(1)
                .estimate(s.x(), s.y()).model(LatentMiModel.class).orElseThrow();
    }

    @Test
    void panelsHoldEveryRowSplitByRole(@TempDir Path dir) throws Exception {
        LatentMiModel m = model(2);
        XYChart c = LatentPlots.panel("x", m.embeddingX(), m);
        assertEquals(2, c.getSeriesMap().size());
        int held = c.getSeriesMap().get("held-out rows (MI measured here)").getXData().length;
        int train = c.getSeriesMap().get("training rows").getXData().length;
        assertEquals(m.heldOutRows().length, held);
        assertEquals(200, held + train);
        Path file = dir.resolve("embedding.png");
        LatentPlots.writeEmbedding(m, file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(1120, img.getWidth(), "two 560-px panels side by side");
        assertTrue(img.getHeight() >= 520);
    }

    @Test
    void oneLatentDimensionOrAnotherFormatIsRefused(@TempDir Path dir) {
        LatentMiModel one = model(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatentPlots.writeEmbedding(one, dir.resolve("e.png")));
        assertTrue(e.getMessage().contains("n_dims"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> LatentPlots.writeEmbedding(one, dir.resolve("e.svg")));
    }
}
