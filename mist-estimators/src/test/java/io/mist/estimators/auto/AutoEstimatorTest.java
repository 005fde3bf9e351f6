package io.mist.estimators.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.registry.EstimatorRegistry;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import org.junit.jupiter.api.Test;

/** {@code auto}: registered, the default, chooses by the data, always reports a standard error. */
class AutoEstimatorTest {
    @Test
    void isRegisteredAndTheDefault() {
        assertEquals("auto", EstimatorRegistry.global().provider("auto").name());
        assertEquals("auto", EstimateMI.DEFAULT_ESTIMATOR);
    }

    @Test
    void choosesByKindAndDimension() {
        TaskSample g1 = GaussianTask.bivariate(0.6).sample(50, 1);
        TaskSample g3 = GaussianTask.componentwise(3, 0.6).sample(50, 1);
        Samples labels = Samples.ofDiscrete("y", new int[50]);
        double[][] counts = new double[50][1];
        for (int i = 0; i < 50; i++) {
            counts[i][0] = i % 3;
        }
        assertEquals("ksg", AutoEstimator.choose(g1.x(), g1.y())[0]);
        assertEquals("smile", AutoEstimator.choose(g3.x(), g3.y())[0]);
        assertEquals("ksg-mixed", AutoEstimator.choose(g1.x(), labels)[0]);
        assertEquals("discrete", AutoEstimator.choose(Samples.of(counts), labels)[0]);
    }

    /**
     * 1+1-D Gaussian, rho 0.6, n = 2,000: auto uses ksg, whose value is within 3 standard errors of the
     * truth (bias at this n is under 0.01 nats, the subsampling error about 0.015), and says so.
     */
    @Test
    void lowDimensionalContinuousDataGetKsgWithAnError() {
        GaussianTask task = GaussianTask.bivariate(0.6);
        TaskSample s = task.sample(2000, 4);
        MIEstimate e = EstimateMI.with("auto").seed(4).estimate(s.x(), s.y());
        assertEquals("ksg", e.estimator());
        assertTrue(e.standardError() > 0.003 && e.standardError() < 0.05, () -> "se " + e.standardError());
        assertEquals(task.trueMutualInformation(), e.value(), 3 * e.standardError());
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.startsWith("auto chose ksg")), e.diagnostics()::toString);
    }
}
