package io.mist.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nonparametric.GaussianEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The facade with the real registry of this module ({@code gaussian}, {@code discrete}, ...). */
class EstimateMIFacadeTest {
    private static final GaussianTask TASK = GaussianTask.componentwise(2, 0.6);
    private static final TaskSample DATA = TASK.sample(3000, 17);

    private static IllegalArgumentException rejects(Runnable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' should contain '" + p + "'");
        }
        return e;
    }

    /** The facade returns exactly what the estimator returns (plus timing). */
    @Test
    void matrixOverloadMatchesTheEstimatorAndTheTruth() {
        MIEstimate r = EstimateMI.estimate(DATA.x().toArray(), DATA.y().toArray(), "gaussian");
        MIEstimate direct = new GaussianEstimator(Seeds.DEFAULT_SEED).estimate(DATA.x(), DATA.y());
        assertEquals(direct.value(), r.value(), 0.0);
        assertEquals(direct.standardError(), r.standardError(), 0.0);
        assertEquals("gaussian", r.estimator());
        assertEquals(3000, r.n());
        assertEquals(2, r.dx());
        assertEquals(2, r.dy());
        // truth 0.446 nats; delta-method error sqrt(2 * 0.36 / 3000) = 0.0155: 4 of them
        assertEquals(TASK.trueMutualInformation(), r.value(), 4 * r.standardError());
        assertTrue(r.seconds() >= 0);
        assertEquals(r.value(), EstimateMI.estimate(DATA.x(), DATA.y(), "GAUSSIAN").value(), 0.0);
    }

    @Test
    void scalarOverloadTakesTwoColumns() {
        GaussianTask t = GaussianTask.bivariate(0.8);
        TaskSample s = t.sample(2000, 3);
        MIEstimate r = EstimateMI.estimate(s.x().column(0), s.y().column(0), "gaussian");
        assertEquals(1, r.dx());
        assertEquals(1, r.dy());
        // truth 0.511 nats, se |rho| / sqrt(n) = 0.018: 4 of them
        assertEquals(t.trueMutualInformation(), r.value(), 4 * 0.8 / Math.sqrt(2000));
    }

    @Test
    void fluentOptionsSeedBootstrapAndPermutations() {
        MIEstimate r = EstimateMI.with("gaussian").seed(5).bootstrap(200).permutations(19).threads(2)
                .estimate(DATA.x(), DATA.y());
        assertEquals(5L, r.seed());
        assertEquals(ResamplingScheme.BOOTSTRAP, r.uncertaintyScheme());
        // the bootstrap error replaces the analytic one and agrees with it: relative MC error 1/sqrt(2 * 200) = 5%
        double analytic = EstimateMI.estimate(DATA.x(), DATA.y(), "gaussian").standardError();
        assertEquals(analytic, r.standardError(), 0.25 * analytic);
        assertEquals(0.05, r.pValue(), 1e-15);
        MIEstimate again = EstimateMI.with("gaussian").seed(5).bootstrap(200).permutations(19).threads(1)
                .estimate(DATA.x(), DATA.y());
        assertEquals(r.standardError(), again.standardError(), 0.0);
        MIEstimate other = EstimateMI.with("gaussian").seed(6).bootstrap(200).estimate(DATA.x(), DATA.y());
        assertNotEquals(r.standardError(), other.standardError());

        int[] a = {0, 1, 1, 2, 0, 2, 1, 0, 2, 2, 1, 0};
        int[] b = {0, 1, 1, 2, 0, 2, 1, 1, 2, 0, 2, 0};
        Samples x = Samples.ofDiscrete("x", a);
        Samples y = Samples.ofDiscrete("y", b);
        MIEstimate plain = EstimateMI.with("discrete").option("miller_madow", false).estimate(x, y);
        MIEstimate corrected = EstimateMI.with("discrete").options(Map.of("miller_madow", "true")).estimate(x, y);
        // 3 x-symbols, 3 y-symbols, 6 joint cells: correction (3 + 3 - 6 - 1) / (2 * 12) = -1/24
        assertEquals(plain.value() - 1.0 / 24, corrected.value(), 1e-12);
    }

    @Test
    void unknownNameListsValidNames() {
        rejects(() -> EstimateMI.with("gausian"), "unknown estimator 'gausian'", "valid names:", "gaussian",
                "discrete");
        rejects(() -> EstimateMI.estimate(new double[] {1, 2, 3}, new double[] {1, 2, 3}, "nope"), "valid names:");
        rejects(() -> EstimateMI.with(null), "estimator name must not be null");
    }

    @Test
    void unknownAndIllTypedOptionsAreReported() {
        rejects(() -> EstimateMI.with("discrete").option("millermadow", true).estimate(new double[] {0, 1, 0, 1},
                new double[] {0, 1, 1, 1}), "unknown option 'millermadow' for estimator 'discrete'",
                "valid options: miller_madow");
        rejects(() -> EstimateMI.with("gaussian").option("k", 3).estimate(DATA.x(), DATA.y()),
                "unknown option 'k' for estimator 'gaussian'; valid options: (none)");
        rejects(() -> EstimateMI.with("discrete").option("miller_madow", "maybe").estimate(new double[] {0, 1},
                new double[] {0, 1}), "option 'miller_madow' of estimator 'discrete' expects true or false, got 'maybe'");
        rejects(() -> EstimateMI.with("gaussian").option(null, 3), "option key must not be null");
        rejects(() -> EstimateMI.with("gaussian").bootstrap(-1), "bootstrap must be at least 0");
    }

    @Test
    void badDataIsRejectedByArgumentName() {
        double[][] x = DATA.x().toArray();
        double[][] y = DATA.y().toArray();
        x[12][1] = Double.NaN;
        rejects(() -> EstimateMI.estimate(x, y, "gaussian"), "x: value at row 12, column 1 is NaN");
        rejects(() -> EstimateMI.estimate(DATA.x().toArray(), DATA.y().rows(0, 10).toArray(), "gaussian"),
                "x and y must have the same number of samples: x has 3000 rows, y has 10 rows");
        double[][] ragged = {{1, 2}, {3}};
        rejects(() -> EstimateMI.estimate(ragged, ragged, "gaussian"), "x: row 1 has 1 columns, expected 2");
    }

    @Test
    void conditionalMutualInformation() {
        // chain X -> Z -> Y (cov in order x, z, y): I(X;Y|Z) = 0, while I(X;Y) > 0
        double[][] cov = {{1, 1, 1}, {1, 2, 2}, {1, 2, 3}};
        TaskSample s = GaussianTask.of(cov, 1).sample(5000, 8);
        double[][] x = s.x().toArray();
        double[][] z = s.y().columns(0).toArray();
        double[][] y = s.y().columns(1).toArray();
        MIEstimate cmi = EstimateMI.estimate(x, y, z, "gaussian");
        // 2 n I is chi-square(1) under conditional independence: 0.9999 quantile 15.1
        assertEquals(0.0, cmi.value(), 15.1 / (2 * 5000.0));
        rejects(() -> EstimateMI.with("discrete").estimate(x, y, z),
                "estimator 'discrete' does not estimate conditional MI", "conditional estimators:", "gaussian");
        assertTrue(EstimateMI.conditionalNames().contains("gaussian"));
        assertTrue(!EstimateMI.conditionalNames().contains("discrete"));
    }
}
