package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;
import io.mist.core.internal.Matrices;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.testing.EstimatorContractTest;

import org.junit.jupiter.api.Test;

class GaussianEstimatorTest extends EstimatorContractTest {
    @Override
    protected MutualInformationEstimator create(long seed) {
        return new GaussianEstimator(seed);
    }

    /**
     * The delta-method standard error is |rho| / sqrt(n) = 0.0134 at rho 0.6, n 2000, and the bias is
     * O(dx dy / 2n) = 2.5e-4: four standard errors plus the bias.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 4 * 0.6 / Math.sqrt(n) + 1.0 / (2.0 * n);
    }

    /** 2 n I is chi-square(1) under independence; its 0.9999 quantile is 15.1. */
    @Override
    protected double independenceTolerance(int n) {
        return 15.1 / (2.0 * n);
    }

    @Test
    void fiveDimensionalGaussianWithinReportedError() {
        GaussianTask task = GaussianTask.componentwise(5, 0.6);
        TaskSample s = task.sample(5000, 11);
        MIEstimate r = create(1).estimate(s.x(), s.y());
        // truth 1.1157 nats; the estimator's own error (about 0.019) is checked to be honest here
        assertEquals(task.trueMutualInformation(), r.value(), 4 * r.standardError() + 25.0 / (2 * 5000));
        assertTrue(r.standardError() > 0.01 && r.standardError() < 0.03, () -> "se " + r.standardError());
    }

    @Test
    void pValueIsSmallForDependentAndNotForIndependentData() {
        TaskSample dep = GaussianTask.bivariate(0.3).sample(500, 3);
        assertTrue(create(1).estimate(dep.x(), dep.y()).pValue() < 1e-6);
        TaskSample ind = GaussianTask.bivariate(0.0).sample(500, 3);
        assertTrue(create(1).estimate(ind.x(), ind.y()).pValue() > 0.01);
    }

    @Test
    void conditionalMiOfAGaussianChainIsZeroAndOfAColliderIsKnown() {
        // chain X -> Z -> Y: z = x + e1, y = z + e2 with unit noises; I(X;Y|Z) = 0
        int n = 20000;
        double[][] cov = {{1, 1, 1}, {1, 2, 2}, {1, 2, 3}}; // order x, z, y
        TaskSample s = GaussianTask.of(cov, 1).sample(n, 5);
        Samples x = s.x();
        Samples z = s.y().columns(0);
        Samples y = s.y().columns(1);
        MIEstimate chain = new GaussianEstimator(1).estimate(x, y, z);
        assertEquals(0.0, chain.value(), 15.1 / (2.0 * n));
        // collider X -> Z <- Y: z = x + y + e; x, y independent unit; I(X;Y|Z) = 0.5 log(... ) in closed form
        double[][] col = {{1, 0, 1}, {0, 1, 1}, {1, 1, 3}}; // order x, y, z
        TaskSample c = GaussianTask.of(col, 1).sample(n, 6);
        Samples cx = c.x();
        Samples cy = c.y().columns(0);
        Samples cz = c.y().columns(1);
        double truth = 0.5 * (Matrices.logDet(new double[][] {{1, 1}, {1, 3}})
                + Matrices.logDet(new double[][] {{1, 1}, {1, 3}}) - Math.log(3) - Matrices.logDet(col));
        MIEstimate collider = new GaussianEstimator(1).estimate(cx, cy, cz);
        // truth 0.1438; partial correlation -0.5, se about |r| / sqrt(n) = 0.0035
        assertEquals(truth, collider.value(), 5 * 0.5 / Math.sqrt(n));
    }

    @Test
    void tooFewSamplesAndConstantColumnsAreRejected() {
        TaskSample s = GaussianTask.componentwise(3, 0.5).sample(6, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(1).estimate(s.x(), s.y()));
        assertTrue(e.getMessage().contains("n = 6"), e::getMessage);
        double[] x = {1, 1, 1, 1, 1, 1, 1, 1};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 9};
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> create(1).estimate(x, y));
        assertTrue(c.getMessage().contains("x: column 0 has zero variance"), c::getMessage);
    }
}
