package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.estimators.gmm.FittedGmm;
import io.mist.estimators.gmm.Mixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** GMM plots: the ellipses are the components' 1-sigma contours, and both file formats are written. */
class GmmPlotsTest {
    /** Two well separated correlated components in the (x, y) plane. */
    private static final Mixture TWO = Mixture.of(new double[] {0.4, 0.6},
            new double[][] {{-2, 1}, {2, -1}},
            new double[][][] {{{1.0, 0.5}, {0.5, 2.0}}, {{0.5, -0.2}, {-0.2, 0.3}}});
    private static final int N = 1000;

    private static FittedGmm fit() {
        return new FittedGmm(1, 1, 0, N, 3, TWO, List.of(), new double[0]);
    }

    private static Samples column(int j) {
        double[] v = TWO.sample(N, Seeds.rng(2));
        double[] c = new double[N];
        for (int i = 0; i < N; i++) {
            c[i] = v[2 * i + j];
        }
        return Samples.of(j == 0 ? "x" : "y", c);
    }

    @Test
    void ellipsesLieOnEachComponentsOneSigmaContour() {
        XYChart chart = GmmPlots.ellipses(fit(), column(0), column(1));
        assertEquals(1 + TWO.components(), chart.getSeriesMap().size(), "data + one ellipse per component");
        int c = 0;
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s.getName().equals("data")) {
                continue;
            }
            double[] mu = TWO.mean(c);
            double[][] cov = TWO.covariance(c);
            double det = cov[0][0] * cov[1][1] - cov[0][1] * cov[1][0];
            double[] ex = s.getXData();
            double[] ey = s.getYData();
            for (int i = 0; i < ex.length; i++) {
                double a = ex[i] - mu[0];
                double b = ey[i] - mu[1];
                // Mahalanobis distance squared with the inverse of the 2x2 covariance; 1 on the 1-sigma ellipse
                double m2 = (cov[1][1] * a * a - 2 * cov[0][1] * a * b + cov[0][0] * b * b) / det;
                assertEquals(1.0, m2, 1e-12, "component " + c + " point " + i);
            }
            c++;
        }
        assertEquals(TWO.components(), c);
    }

    @Test
    void plotsAreWrittenAsPngAndSvg(@TempDir Path dir) throws Exception {
        Samples x = column(0);
        Samples y = column(1);
        Path png = dir.resolve("gmm.png");
        GmmPlots.write(fit(), x, y, png);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 10_000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        Path svg = dir.resolve("gmm.svg");
        GmmPlots.write(fit(), x, y, svg);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertTrue(Files.readString(dir.resolve("gmm-density.svg")).contains("<svg"));
        assertThrows(IllegalArgumentException.class, () -> GmmPlots.write(fit(), x, y, dir.resolve("gmm.gif")));
        Samples wide = Samples.ofRowMajor("x", new double[2 * N], N, 2);
        assertThrows(IllegalArgumentException.class, () -> GmmPlots.ellipses(fit(), wide, y));
    }
}
