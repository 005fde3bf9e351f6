package io.mist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.estimators.latent.LatentMiModel;
import io.mist.tasks.ProjectedGaussianTask;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesSmokeTest {
    /**
     * Truth 3 * 0.2231 = 0.669 nats at n 5000; the delta-method error is sqrt(3 * 0.36 / 5000) = 0.0147, so the
     * estimate is within 4 bootstrap errors and the bootstrap error within 30% of the analytic one (its Monte
     * Carlo error at B = 200 is 5%).
     */
    @Test
    void gaussianGroundTruth() {
        GaussianGroundTruthExample.Result r = GaussianGroundTruthExample.runExample();
        assertEquals(-1.5 * Math.log(1 - 0.36), r.truth(), 1e-12);
        assertEquals(r.truth(), r.estimate().value(), 4 * r.estimate().standardError());
        assertEquals(Math.sqrt(3 * 0.36 / 5000), r.estimate().standardError(), 0.3 * Math.sqrt(3 * 0.36 / 5000));
        assertTrue(r.interval()[0] < r.estimate().value() && r.estimate().value() < r.interval()[1]);
        assertEquals(1L, r.estimate().seed());
        assertTrue(printed(() -> GaussianGroundTruthExample.main(new String[] {"2000", "1", "0.5", "3"}))
                .contains("95% CI"));
    }

    /**
     * k = 8, p = 0.7, n = 2000: the standard error of the plug-in MI is sd(log ratio) / sqrt(n) =
     * sqrt(0.7 * 0.3) * (log(5.6) - log(0.343)) / sqrt(2000) = 0.029; allowed: 4 of them around the truth.
     * The Miller-Madow correction (k + k - cells - 1) / (2n) is negative and smaller than 64 / (2n).
     */
    @Test
    void discreteChannel() {
        DiscreteChannelExample.Result r = DiscreteChannelExample.runExample();
        assertEquals(Math.log(8) + 0.7 * Math.log(0.7) + 0.3 * Math.log(0.3 / 7), r.truth(), 1e-12);
        assertEquals(r.truth(), r.millerMadow().value(), 4 * 0.03);
        assertTrue(r.millerMadow().value() < r.plugIn().value());
        double correction = r.plugIn().value() - r.millerMadow().value();
        assertTrue(correction > 0 && correction < 64.0 / (2 * 2000), () -> "correction " + correction);
        assertTrue(printed(() -> DiscreteChannelExample.main(new String[0])).contains("Miller-Madow"));
    }

    /**
     * Gaussian task (and its rotation): within 4 delta-method errors (rho 0.8, n 5000: 0.8 / sqrt(n) = 0.011).
     * Monotone transforms cannot raise the Gaussian MI above the truth beyond the same sampling error.
     */
    /**
     * A tiny run (n = 600, 60 iterations): every estimator gives a finite value with an error bar, and the table
     * names both families; accuracy at the example's defaults is in docs/estimators.md.
     */
    @Test
    void generativeVsDiscriminative() {
        GenerativeVsDiscriminativeExample.Result r = GenerativeVsDiscriminativeExample.runExample("600", "60", "2");
        assertEquals(GenerativeVsDiscriminativeExample.NAMES.length, r.estimates().size());
        r.estimates().forEach((name, e) -> assertTrue(Double.isFinite(e.value()) && e.standardError() > 0, name));
        String out = printed(() -> GenerativeVsDiscriminativeExample.main(new String[] {"400", "30", "3"}));
        assertTrue(out.contains("generative") && out.contains("discriminative") && out.contains("l1out"), out);
    }

    @Test
    void transformInvariance() {
        TransformInvarianceExample.Result r = TransformInvarianceExample.runExample();
        double tol = 4 * 0.8 / Math.sqrt(5000);
        assertEquals(-0.5 * Math.log(1 - 0.64), r.truth(), 1e-12);
        assertEquals(r.truth(), r.estimates().get("none").value(), tol);
        assertEquals(r.truth(), r.estimates().get("rotation").value(), tol);
        for (String t : new String[] {"half_cube", "asinh", "normal_cdf", "wiggly"}) {
            MIEstimate e = r.estimates().get(t);
            assertTrue(e.value() < r.truth() + tol, () -> t + ": " + e.value() + " vs truth " + r.truth());
        }
        assertTrue(printed(() -> TransformInvarianceExample.main(new String[] {"500"})).contains("half_cube"));
    }

    /**
     * Bivariate Gaussian, rho 0.6, n 2000: the fitted model is the true family, so the MI is within the
     * sampling error of rho (delta method: rho / sqrt(n) = 0.013 nats), 4 of them; a PNG is written.
     */
    @Test
    void gmmPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fit.png");
        GmmPlotExample.Result r = GmmPlotExample.runExample(png.toString());
        assertEquals(-0.5 * Math.log(1 - 0.36), r.truth(), 1e-12);
        assertEquals(r.truth(), r.estimate().value(), 4 * 0.6 / Math.sqrt(2000));
        byte[] b = Files.readAllBytes(png);
        assertTrue(b.length > 10_000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G');
    }

    /**
     * The ND4J columns give exactly the estimates of the same values as Java arrays; both are within
     * sampling error of the truth -0.5 log(1 - 0.49) = 0.337 nats at n 2000 (delta-method error of the Gaussian
     * estimate rho / sqrt(n) = 0.016: 4 of them; ksg's spread at this n is of the same size, its bias below
     * 0.01: 5 of them).
     */
    @Test
    void nd4jPipeline() {
        Nd4jPipelineExample.Result r = Nd4jPipelineExample.runExample();
        double[][] f = r.features();
        double[][] x = new double[f.length][1];
        double[][] y = new double[f.length][1];
        for (int i = 0; i < f.length; i++) {
            x[i][0] = f[i][0];
            y[i][0] = f[i][1];
        }
        assertEquals(EstimateMI.estimate(x, y, "gaussian").value(), r.gaussian().value(), 0.0);
        assertEquals(EstimateMI.estimate(x, y, "ksg").value(), r.ksg().value(), 0.0);
        double se = 0.7 / Math.sqrt(2000);
        assertEquals(r.truth(), r.gaussian().value(), 4 * se);
        assertEquals(r.truth(), r.ksg().value(), 5 * se);
        assertTrue(printed(() -> Nd4jPipelineExample.main(new String[] {"500"})).contains("ksg"));
    }

    private static String printed(Runnable main) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            main.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * RMI feature extraction (rho 0.6, n 20,000, 500 steps): the diagonal (exact RMI 1.6539) outranks x[0]
     * (1.4189) and the anti-diagonal (0.9608); each estimate is within 0.03 of its exact value (histogram
     * estimate at n = 20,000: errors measured within 0.012 for linear features). The learned feature reaches the
     * diagonal's RMI to 0.03 (it is the optimum) and so ranks first or second, and the PNG is written.
     */
    @Test
    void rmiFeature(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("rmi.png");
        RmiFeatureExample.Result r = RmiFeatureExample.runExample(png.toString());
        assertTrue(Files.size(png) > 1000);
        List<String> order = r.ranking().stream().map(RmiFeatureExample.Ranked::name).toList();
        assertTrue(order.indexOf("diagonal (x[0] + x[1]) / sqrt 2") < order.indexOf("x[0]"), order::toString);
        assertTrue(order.indexOf("x[0]") < order.indexOf("anti-diagonal (x[0] - x[1]) / sqrt 2"), order::toString);
        double diagonal = 0;
        for (RmiFeatureExample.Ranked f : r.ranking()) {
            if (!Double.isNaN(f.truth())) {
                assertEquals(f.truth(), f.rmi().value(), 0.03, f.name());
            }
            if (f.name().startsWith("diagonal")) {
                diagonal = f.truth();
            }
        }
        assertTrue(order.indexOf("learned (MLP 32-32, tanh)") <= 1, order::toString);
        assertEquals(diagonal, r.ranking().get(order.indexOf("learned (MLP 32-32, tanh)")).rmi().value(), 0.03);
    }

    /**
     * The latent-MI example at a smoke size (n 600, lmi 5 epochs, MINE and InfoNCE 30 iterations): every
     * estimator runs on the noisy 100-D data, the table prints, and the embedding plot is written. Accuracy at
     * full size is LatentProjectionTest's and LatentBench's job.
     */
    @Test
    void latentMi(@TempDir Path dir) {
        Path png = dir.resolve("embedding.png");
        LatentMiExample.Result r = LatentMiExample.runExample(png.toString(), "600", "1", "5", "30");
        assertEquals(ProjectedGaussianTask.noisy().trueMutualInformation(), r.truth(), 0.0);
        assertEquals(List.of("lmi", "ksg", "gaussian", "mine", "infonce"),
                List.copyOf(r.estimates().keySet()));
        assertTrue(Files.isRegularFile(png));
        assertTrue(r.estimates().get("lmi").model(LatentMiModel.class).isPresent());
        String out = printed(() -> LatentMiExample.main(new String[] {png.toString(), "300", "2", "2", "10"}));
        assertTrue(out.contains("truth") && out.contains("infonce") && out.contains("embedding plot"), out);
    }

    /**
     * The MINE / MI-NEE walkthrough at a smoke-test budget (200 iterations of batches of 100 from 900 training
     * rows: 22 epochs): every estimator reports one validation value per epoch, both PNGs are written, and
     * the estimates are finite and below a generous ceiling (the truth is at most 1.96 nats for rho <= 0.99;
     * a broken critic or a wrong sign shows up as a value far outside [-1, truth + 1]).
     */
    @Test
    void mineNotebook(@TempDir Path dir) throws Exception {
        MineNotebookExample.Result r = MineNotebookExample.runExample(dir.toString(), "200", "0");
        assertTrue(r.rho() > 0.81 && r.rho() <= 1, () -> "rho " + r.rho());
        assertEquals(-0.5 * Math.log(1 - r.rho() * r.rho()), r.truth(), 1e-12);
        assertEquals(4, r.estimates().size());
        for (String name : r.estimates().keySet()) {
            double v = r.estimates().get(name).value();
            assertTrue(v > -1 && v < r.truth() + 1, () -> name + ": " + v);
            assertTrue(r.curves().get(name).length >= 2, name);
        }
        assertTrue(Files.size(r.curvesPlot()) > 1000);
        assertTrue(Files.size(r.heatMap()) > 1000);
        assertTrue(r.estimates().get("mi-nee (Gaussian references)").diagnostics().stream()
                .anyMatch(d -> d.contains("D(P_XY||Q_X x Q_Y)")));
    }
}
