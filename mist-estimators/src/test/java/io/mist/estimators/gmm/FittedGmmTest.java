package io.mist.estimators.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.internal.Seeds;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Integrals of known mixtures and JSON persistence. */
class FittedGmmTest {
    @Test
    void integralOfAKnownMixtureMatchesAHighPrecisionGrid() {
        // Simpson on a 2401^2 grid: error O(h^4) with h = 0.01, far below the tolerances used here
        assertEquals(KnownMixture.TRUE_MI, KnownMixture.simpson(1200), 1e-9);
        double quad = MixtureInformation.mutualInformation(KnownMixture.MIXTURE, 1, GmmConfig.Integral.QUAD, 0, null);
        assertEquals(KnownMixture.TRUE_MI, quad, 1e-6, "quadrature");
        double mc = MixtureInformation.mutualInformation(KnownMixture.MIXTURE, 1, GmmConfig.Integral.MC, 1_000_000,
                Seeds.rng(1));
        // the log-ratio's standard deviation under p is below 1.5 here: 4 Monte Carlo errors at 1e6 samples
        assertEquals(KnownMixture.TRUE_MI, mc, 4 * 1.5 / 1000, "Monte Carlo");
    }

    @Test
    void marginalsOfAMixtureAreMixturesOfMarginals() {
        Mixture m = EmFitterTest.THREE;
        Mixture xz = m.marginal(0, 2);
        double[] p = {0.3, -0.2, 0.7};
        // integrate the joint over the middle coordinate with a fine rule
        double s = 0;
        double h = 1e-3;
        for (double t = -15; t <= 15; t += h) {
            s += Math.exp(m.logDensity(new double[] {p[0], t, p[2]})) * h;
        }
        assertEquals(s, Math.exp(xz.logDensity(new double[] {p[0], p[2]})), 1e-9);
    }

    @Test
    void saveAndLoadRoundTripReproducesTheEstimate(@TempDir Path dir) {
        TaskSample s = GaussianTask.componentwise(2, 0.5).sample(400, 3);
        GmmEstimator est = new GmmEstimator(GmmConfig.builder().nBootstrap(4).mcSamples(5000).build(), 9);
        FittedGmm fit = est.fit(s.x(), s.y());
        Path file = dir.resolve("model.json");
        fit.save(file);
        FittedGmm back = FittedGmm.load(file);
        assertEquals(fit.dx(), back.dx());
        assertEquals(fit.dy(), back.dy());
        assertEquals(fit.n(), back.n());
        assertEquals(fit.seed(), back.seed());
        assertEquals(fit.components(), back.components());
        assertEquals(fit.bootstrap().size(), back.bootstrap().size());
        assertArrayEquals(fit.selectionScores(), back.selectionScores(), 0.0);
        for (int c = 0; c < fit.components(); c++) {
            assertArrayEquals(fit.model().mean(c), back.model().mean(c), 0.0);
        }
        MIEstimate a = fit.estimate(GmmConfig.Integral.MC, 5000, 7, 2);
        MIEstimate b = back.estimate(GmmConfig.Integral.MC, 5000, 7, 2);
        assertEquals(a.value(), b.value(), 1e-12);
        assertEquals(a.standardError(), b.standardError(), 1e-12);
        // and the estimator's own result is the fitted model's estimate
        assertEquals(est.estimate(s.x(), s.y()).value(),
                fit.estimate(GmmConfig.Integral.MC, 5000, Seeds.derive(9, 77), 2).value(), 0.0);
        assertTrue(fit.toJson().contains(FittedGmm.FORMAT));
    }

    @Test
    void aHandWrittenFileInTheDocumentedFormatLoads() {
        // fields in another order, spaces and new lines, an unknown field, a special double, a 64-bit seed
        String json = """
                { "model": {"covariances": [[[2.0, 0.5], [0.5, 1.0]]], "means": [[1e-3, -2]], "weights": [1]},
                  "bootstrap": [],
                  "selection_scores": [-1.25, NaN, -Infinity],
                  "format": "mist-gmm/1", "note": "ignored \\\\ \\"quoted\\" \\u00e9",
                  "seed": 9007199254740993, "n": 50, "dz": 0, "dy": 1, "dx": 1, "components": 1 }
                """;
        FittedGmm g = FittedGmm.fromJson(json);
        assertEquals(9007199254740993L, g.seed());
        assertEquals(50, g.n());
        assertArrayEquals(new double[] {-1.25, Double.NaN, Double.NEGATIVE_INFINITY}, g.selectionScores(), 0.0);
        assertArrayEquals(new double[] {1e-3, -2}, g.model().mean(0), 0.0);
        assertArrayEquals(new double[] {0.5, 1.0}, g.model().covariance(0)[1], 0.0);
        // and what it writes reads back to the same text
        assertEquals(g.toJson(), FittedGmm.fromJson(g.toJson()).toJson());
        // I(X;Y) of one bivariate Gaussian: -ln(1 - rho^2) / 2 with rho^2 = 0.25 / 2
        assertEquals(-0.5 * Math.log(1 - 0.125), g.estimate(GmmConfig.Integral.QUAD, 0, 1, 1).value(), 1e-6);
    }

    @Test
    void malformedJsonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FittedGmm.fromJson("{\"format\": \"other\"}"));
        assertThrows(IllegalArgumentException.class, () -> FittedGmm.fromJson("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> FittedGmm.fromJson("{\"format\": \"mist-gmm/1\",}"));
        assertThrows(IllegalArgumentException.class, () -> FittedGmm.fromJson("{\"format\": \"mist-gmm/1\"} x"));
        assertThrows(IllegalArgumentException.class, () -> FittedGmm.fromJson("{\"format\": \"mist-gmm/1\", "
                + "\"dx\": \"one\"}"));
        assertThrows(IllegalArgumentException.class, () -> FittedGmm.fromJson("{\"format\": \"mist-gmm/1\"}"));
        Mixture one = Mixture.of(new double[] {1}, new double[][] {{0, 0}}, new double[][][] {{{1, 0}, {0, 1}}});
        assertThrows(IllegalArgumentException.class, () -> new FittedGmm(1, 2, 0, 10, 1, one, List.of(),
                new double[0]));
    }
}
