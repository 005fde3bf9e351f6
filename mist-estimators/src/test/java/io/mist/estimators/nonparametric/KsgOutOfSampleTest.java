package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import org.junit.jupiter.api.Test;

/** {@link KsgEstimator#outOfSamplePointwise}: a hand-computed case, the mean on fresh rows, the failures. */
class KsgOutOfSampleTest {
    private static KsgEstimator raw(int k) {
        return new KsgEstimator(KsgConfig.builder().k(k).standardize(false).noise(0).threads(1).build());
    }

    /**
     * Reference points (i, i) for i = 0..3 and the new row (1.25, 1.125), k = 1 (all values exact in binary):
     * the nearest reference row is (1, 1) at max-norm distance 0.25; no x lies strictly within 0.25 of 1.25 and
     * one y (1) within 0.25 of 1.125, so the value is psi(1) + psi(4) - psi(1) - psi(2) = 1/2 + 1/3.
     */
    @Test
    void matchesTheHandComputedTerm() {
        Samples rx = Samples.of(new double[][] {{0}, {1}, {2}, {3}});
        double[] v = raw(1).outOfSamplePointwise(rx, rx, Samples.of(new double[][] {{1.25}}),
                Samples.of(new double[][] {{1.125}}));
        assertEquals(1, v.length);
        assertEquals(0.5 + 1.0 / 3, v[0], 1e-12);
    }

    /**
     * On fresh rows of the same distribution the mean of the values estimates I(X;Y): a 2+2-D Gaussian with
     * rho 0.6 per pair (0.446 nats), 2,000 reference and 2,000 new rows. The in-sample KSG has sd about
     * 0.02 and bias about -0.01 here; the out-of-sample mean has a similar spread: 0.06 is 3 sd + bias.
     */
    @Test
    void meanOnFreshRowsEstimatesTheMutualInformation() {
        GaussianTask g = GaussianTask.componentwise(2, 0.6);
        TaskSample ref = g.sample(2000, 1);
        TaskSample fresh = g.sample(2000, 2);
        KsgEstimator ksg = new KsgEstimator(KsgConfig.builder().seed(3).threads(2).build());
        double[] v = ksg.outOfSamplePointwise(ref.x(), ref.y(), fresh.x(), fresh.y());
        double mean = 0;
        for (double a : v) {
            mean += a;
        }
        mean /= v.length;
        assertEquals(g.trueMutualInformation(), mean, 0.06);
        // the same seed gives the same values
        assertArrayEquals(v, ksg.outOfSamplePointwise(ref.x(), ref.y(), fresh.x(), fresh.y()));
    }

    @Test
    void badInputFailsWithTheArgumentNames() {
        Samples rx = Samples.of(new double[][] {{0}, {1}, {2}, {3}});
        Samples two = Samples.of(new double[][] {{0, 1}});
        Samples one = Samples.of(new double[][] {{0}});
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> raw(1).outOfSamplePointwise(rx, rx, two, one));
        assertTrue(dims.getMessage().contains("newX and newY"), dims::getMessage);
        IllegalArgumentException repeat = assertThrows(IllegalArgumentException.class,
                () -> raw(1).outOfSamplePointwise(rx, rx, one, one));
        assertTrue(repeat.getMessage().contains("distance 0"), repeat::getMessage);
        KsgEstimator two2 = new KsgEstimator(KsgConfig.builder().algorithm(KsgConfig.Algorithm.TWO).build());
        IllegalArgumentException alg = assertThrows(IllegalArgumentException.class,
                () -> two2.outOfSamplePointwise(rx, rx, one, one));
        assertTrue(alg.getMessage().contains("algorithm 1"), alg::getMessage);
    }
}
