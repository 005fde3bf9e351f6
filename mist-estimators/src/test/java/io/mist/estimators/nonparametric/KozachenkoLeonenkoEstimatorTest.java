package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.EntropyEstimate;
import io.mist.core.EntropyEstimator;
import io.mist.core.Samples;
import io.mist.core.internal.Matrices;
import io.mist.tasks.GaussianTask;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** entropy-kl against closed-form Gaussian and uniform entropies. */
class KozachenkoLeonenkoEstimatorTest {
    private static EntropyEstimator kl() {
        return EntropyEstimators.create("entropy-kl", Map.of("k", "3", "threads", "2"), 5);
    }

    @Test
    void gaussianEntropies() {
        int n = 20000;
        // 1-D standard normal scaled by 3: H = 0.5 log(2 pi e 9)
        Random r = new Random(2);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 3 * r.nextGaussian();
        }
        EntropyEstimate e = kl().estimate(Samples.of("x", v));
        // KL sd is about sqrt(Var log p / n) = 0.7/sqrt(n) = 0.005; bias O(1/n) at 1-D: 5 sd
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 9), e.value(), 0.025);
        // 4-D correlated Gaussian: H = 0.5 log((2 pi e)^4 det S); bias grows with d (~0.05 at 4-D, n = 2e4)
        GaussianTask g = GaussianTask.componentwise(2, 0.6);
        Samples x = Samples.concat(g.sample(n, 3).x(), g.sample(n, 3).y());
        double[][] cov = Matrices.covariance(x);
        double truth = 0.5 * (4 * Math.log(2 * Math.PI * Math.E) + Math.log(1 - 0.36) * 2);
        assertEquals(truth, kl().estimate(x).value(), 0.08, "sample cov logdet " + Matrices.logDet(cov));
    }

    @Test
    void uniformEntropies() {
        int n = 20000;
        Random r = new Random(4);
        double[][] u = new double[n][2];
        for (int i = 0; i < n; i++) {
            u[i][0] = 2 * r.nextDouble();
            u[i][1] = 0.5 * r.nextDouble();
        }
        // H = log(2 * 0.5) = 0; the boundary adds a positive bias of order n^(-1/d): 0.03 at 2-D, n = 2e4
        EntropyEstimate e = kl().estimate(Samples.of("u", u));
        assertEquals(0.0, e.value(), 0.04);
        assertEquals(2, e.dim());
        assertEquals("entropy-kl", e.estimator());
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> kl().estimate(Samples.of("x", new double[] {1, 2, 3})));
        assertTrue(ex.getMessage().contains("k = 3"), ex::getMessage);
        ex = assertThrows(IllegalArgumentException.class,
                () -> EntropyEstimators.create("entropy-kl", Map.of("noise", "0"), 1)
                        .estimate(Samples.of("x", new double[] {1, 1, 1, 1, 1, 2})));
        assertTrue(ex.getMessage().contains("x"), ex::getMessage);
        ex = assertThrows(IllegalArgumentException.class, () -> EntropyEstimators.create("nope", Map.of(), 1));
        assertTrue(ex.getMessage().contains("entropy-kl"), ex::getMessage);
    }
}
