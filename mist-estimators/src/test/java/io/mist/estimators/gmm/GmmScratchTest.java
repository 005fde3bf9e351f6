package io.mist.estimators.gmm;

import io.mist.core.MIEstimate;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import org.junit.jupiter.api.Test;

class GmmScratchTest {
    @Test
    void scratch() {
        for (long s = 1; s <= 5; s++) {
            TaskSample t = GaussianTask.bivariate(0.6).sample(200, s);
            long t0 = System.nanoTime();
            MIEstimate r = new GmmEstimator(GmmConfig.defaults(), 42).estimate(t.x(), t.y());
            System.out.println(r.value() + " +- " + r.standardError() + " " + (System.nanoTime() - t0) / 1e9 + " s " + r.diagnostics());
        }
    }
}
