package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.registry.DataKind;

import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

/** The additive-noise, discrete-continuous, bimodal and spiral tasks: their truths and samplers. */
class NewTasksTest {
    /**
     * Monte Carlo of {@code E[log f(y | x) - log f(y)]} with the exact densities ({@code f(y | x) = 1 / w} on the
     * support) against the closed form; 4.5 standard errors of the mean of n = 200,000 terms bound it.
     */
    @Test
    void uniformNoiseTruthMatchesMonteCarloOnBothBranches() {
        for (double w : new double[] {0.1, 0.75, 1.0, 2.5}) {
            UniformNoiseTask t = UniformNoiseTask.of(w);
            TaskSample s = t.sample(200_000, 3);
            double[] y = s.y().column(0);
            double[] ratio = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                ratio[i] = -Math.log(w) - Math.log(t.densityY(y[i]));
            }
            double[] ms = TaskChecks.meanAndStandardError(ratio);
            assertEquals(t.trueMutualInformation(), ms[0], 4.5 * ms[1] + 1e-12, t.name() + " Monte Carlo " + ms[0]);
        }
        // the two branches meet at w = 1 (0.5 both ways); w = 0.1 is the suite's high-MI uniform task
        assertEquals(0.5, UniformNoiseTask.of(1).trueMutualInformation(), 1e-15);
        assertEquals(0.05 - Math.log(0.1), UniformNoiseTask.of(0.1).trueMutualInformation(), 1e-15);
    }

    /** The trapezoid density of Y integrates to 1 (midpoint rule on its support, error O(step^2) about 1e-9). */
    @Test
    void uniformNoiseDensityIsNormalisedAndSamplesStayOnItsSupport() {
        for (double w : new double[] {0.1, 2.5}) {
            UniformNoiseTask t = UniformNoiseTask.of(w);
            int m = 200_000;
            double h = (1 + w) / m;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += t.densityY((j + 0.5) * h) * h;
            }
            assertEquals(1.0, sum, 1e-8);
            TaskSample s = t.sample(1000, 1);
            for (int i = 0; i < 1000; i++) {
                double noise = s.y().get(i, 0) - s.x().get(i, 0);
                assertTrue(noise >= 0 && noise < w && s.x().get(i, 0) >= 0 && s.x().get(i, 0) < 1);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> UniformNoiseTask.of(0));
        assertThrows(IllegalArgumentException.class, () -> UniformNoiseTask.of(Double.NaN));
    }

    /**
     * The quadrature value against a Monte Carlo of {@code E[log f(y | x) - log f(y)]} (4.5 standard errors of
     * 200,000 terms, about 0.004 nats), and against the limits: {@code log k} for small sigma (the modes do
     * not overlap: the MI falls short of log k by the tail mass, below 1e-20 at sigma 0.05) and 0 for large.
     */
    @Test
    void discreteContinuousTruthMatchesMonteCarloAndItsLimits() {
        DiscreteContinuousTask t = DiscreteContinuousTask.of(4, 0.5);
        assertTrue(t.quadratureError() < 1e-12, () -> "quadrature error " + t.quadratureError());
        TaskSample s = t.sample(200_000, 5);
        double[] ratio = new double[s.x().n()];
        double norm = Math.log(0.5 * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < ratio.length; i++) {
            double z = (s.y().get(i, 0) - s.x().get(i, 0)) / 0.5;
            ratio[i] = -0.5 * z * z - norm - Math.log(t.densityY(s.y().get(i, 0)));
        }
        double[] ms = TaskChecks.meanAndStandardError(ratio);
        assertEquals(t.trueMutualInformation(), ms[0], 4.5 * ms[1], "Monte Carlo " + ms[0] + " +/- " + ms[1]);
        assertEquals(Math.log(4), DiscreteContinuousTask.of(4, 0.05).trueMutualInformation(), 1e-12);
        double wide = DiscreteContinuousTask.of(2, 10).trueMutualInformation();
        // two modes 1 apart under sd 10: I ~ (mean difference)^2 / (8 sigma^2) = 1/800 to first order
        assertEquals(1.0 / 800, wide, 1e-4);
        assertTrue(t.trueMutualInformation() > 0.5 && t.trueMutualInformation() < Math.log(4));
    }

    @Test
    void discreteContinuousSamplesHaveADiscreteXAndAContinuousY() {
        DiscreteContinuousTask t = DiscreteContinuousTask.of(3, 0.5);
        TaskSample s = t.sample(500, 2);
        assertEquals(DataKind.MIXED, t.dataKind());
        assertTrue(s.x().isDiscrete());
        assertTrue(!s.y().isDiscrete());
        TaskChecks.assertSameSamples(s, t.sample(500, 2));
        TaskChecks.assertDifferentSamples(s, t.sample(500, 3));
        assertEquals("discrete-continuous-k3-sigma0.5", t.name());
        assertThrows(IllegalArgumentException.class, () -> DiscreteContinuousTask.of(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DiscreteContinuousTask.of(3, 0.0));
    }

    /**
     * The bimodal map is the mixture quantile of Phi: pushing a standard normal through it gives the mixture's
     * CDF (checked against its closed form at a few points, 4.5 binomial standard errors of n = 20,000), it is
     * odd and strictly increasing, and the mixture is bimodal (no mass piles up at 0).
     */
    @Test
    void bimodalMapsAStandardNormalToTheMixture() {
        TaskSample s = TransformedTask.of(GaussianTask.componentwise(1, 0.0), Transform.BIMODAL).sample(20_000, 7);
        double[] v = s.x().column(0);
        for (double q : new double[] {-3, -2, -0.5, 0, 1, 2.5}) {
            double expected = 0.5 * (0.5 * Erfc.value(-(q + 2) / Math.sqrt(2)) + 0.5 * Erfc.value(-(q - 2) / Math.sqrt(2)));
            int below = 0;
            for (double a : v) {
                below += a <= q ? 1 : 0;
            }
            double se = Math.sqrt(expected * (1 - expected) / v.length);
            assertEquals(expected, (double) below / v.length, 4.5 * se, "CDF at " + q);
        }
        double prev = Transform.BIMODAL.apply(-9);
        for (double t = -9 + 1e-3; t <= 9; t += 1e-3) {
            double a = Transform.BIMODAL.apply(t);
            assertTrue(a > prev, "not increasing at " + t);
            assertEquals(-a, Transform.BIMODAL.apply(-t), 1e-12 * (1 + Math.abs(a)));
            prev = a;
        }
    }

    /** The spiral keeps every row's norm, its inverse restores the row, and it refuses one-dimensional blocks. */
    @Test
    void spiralIsInvertibleAndKeepsNorms() {
        GaussianTask base = GaussianTask.componentwise(3, 0.6);
        TaskSample b = base.sample(300, 4);
        TaskSample s = TransformedTask.of(base, Transform.SPIRAL).sample(300, 4);
        double[] bx = b.x().toRowMajor();
        double[] sx = s.x().toRowMajor();
        double[] back = new double[sx.length];
        double moved = 0;
        for (int i = 0; i < 300; i++) {
            TransformedTask.spiral(sx, back, i * 3, 3, -1);
            double nb = 0;
            double ns = 0;
            for (int j = 0; j < 3; j++) {
                nb += bx[i * 3 + j] * bx[i * 3 + j];
                ns += sx[i * 3 + j] * sx[i * 3 + j];
                assertEquals(bx[i * 3 + j], back[i * 3 + j], 1e-12 * (1 + nb));
                moved = Math.max(moved, Math.abs(bx[i * 3 + j] - sx[i * 3 + j]));
            }
            assertEquals(nb, ns, 1e-12 * (1 + nb));
        }
        assertTrue(moved > 0.5, "the spiral should move rows, moved " + moved);
        assertEquals(base.trueMutualInformation(), TransformedTask.of(base, Transform.SPIRAL).trueMutualInformation());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransformedTask.of(GaussianTask.bivariate(0.5), Transform.SPIRAL));
        assertTrue(e.getMessage().contains("spiral transform needs at least 2 dimensions"), e.getMessage());
    }

    @Test
    void suiteOffersEveryTaskKind() {
        long mixed = AccuracySuite.tasks().stream().filter(t -> t.dataKind() == DataKind.MIXED).count();
        assertEquals(1, mixed);
        assertTrue(AccuracySuite.tasks().stream().anyMatch(t -> t.name().endsWith("-spiral")));
        assertTrue(AccuracySuite.tasks().stream().anyMatch(t -> t.name().endsWith("-bimodal")));
        Samples y = AccuracySuite.select(java.util.List.of("uniform-noise-1x1-w0.1")).get(0).sample(10, 1).y();
        assertEquals(10, y.n());
    }
}
