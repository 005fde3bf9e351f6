package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.apache.commons.numbers.gamma.InverseErfc;
import org.junit.jupiter.api.Test;

class TransformedTaskTest {
    private static final Transform[] COORDINATEWISE = {Transform.HALF_CUBE, Transform.ASINH, Transform.NORMAL_CDF,
        Transform.WIGGLY, Transform.BIMODAL};

    @Test
    void truthIsThatOfTheBaseTask() {
        GroundTruthTask[] bases = {GaussianTask.componentwise(3, 0.5), StudentTTask.componentwise(2, 0.4, 3),
            IndependentTask.of(1, 2)};
        for (GroundTruthTask base : bases) {
            for (Transform tr : Transform.values()) {
                if (base.dimX() < tr.minimumDimension() || base.dimY() < tr.minimumDimension()) {
                    continue; // refused, see NewTasksTest
                }
                TransformedTask t = TransformedTask.of(base, tr);
                assertEquals(base.trueMutualInformation(), t.trueMutualInformation(), 0.0);
                assertEquals(base.dimX(), t.dimX());
                assertEquals(base.dimY(), t.dimY());
            }
        }
        assertEquals("gaussian-1x1-rho0.6-half-cube",
                TransformedTask.of(GaussianTask.bivariate(0.6), Transform.HALF_CUBE).name());
    }

    @Test
    void coordinatewiseMapsAreStrictlyIncreasingWithTheirInverses() {
        for (Transform tr : COORDINATEWISE) {
            // Phi(t) rounds to the same double for t > 7.6 (see Transform.NORMAL_CDF), so the grid stops at 7.5
            double prev = tr.apply(-8);
            for (double t = -8 + 1e-3; t <= 7.5; t += 1e-3) {
                double v = tr.apply(t);
                final double tt = t;
                final double pp = prev;
                assertTrue(v > prev, () -> tr + " not increasing at " + tt + ": " + pp + " -> " + v);
                prev = v;
            }
        }
        for (double t = -6; t <= 6; t += 0.01) {
            double h = Transform.HALF_CUBE.apply(t);
            assertEquals(t, Math.signum(h) * Math.pow(Math.abs(h), 2.0 / 3), 1e-12);
            double a = Transform.ASINH.apply(t);
            assertEquals(t, Math.sinh(a), 1e-12 * (1 + Math.abs(t)));
            double p = Transform.NORMAL_CDF.apply(t);
            assertEquals(t, -Math.sqrt(2) * InverseErfc.value(2 * p), 1e-6);
            // wiggly: derivative 1 + 0.4 cos t + 0.4 cos 2t >= 0.2; central difference check
            double dw = (Transform.WIGGLY.apply(t + 1e-6) - Transform.WIGGLY.apply(t - 1e-6)) / 2e-6;
            assertTrue(dw >= 0.2 - 1e-6, "wiggly derivative " + dw + " at " + t);
            assertEquals(t, invertByBisection(Transform.WIGGLY, Transform.WIGGLY.apply(t)), 1e-10);
        }
        assertThrows(IllegalStateException.class, () -> Transform.ROTATION.apply(1));
        assertThrows(IllegalStateException.class, () -> Transform.SPIRAL.apply(1));
    }

    private static double invertByBisection(Transform tr, double v) {
        double lo = -100;
        double hi = 100;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (tr.apply(mid) < v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Each transformed value is the map of the base value drawn with the same seed, so the ranks within every
     * column, and hence every rank correlation (between x and transformed x: 1; between x and y: unchanged),
     * are those of the base sample.
     */
    @Test
    void coordinatewiseTransformsKeepEveryRank() {
        GaussianTask base = GaussianTask.componentwise(2, 0.6);
        TaskSample b = base.sample(2000, 5);
        for (Transform tr : COORDINATEWISE) {
            TaskSample s = TransformedTask.of(base, tr).sample(2000, 5);
            for (int j = 0; j < 2; j++) {
                double[] bx = b.x().column(j);
                double[] sx = s.x().column(j);
                double[] by = b.y().column(j);
                double[] sy = s.y().column(j);
                for (int i = 0; i < bx.length; i++) {
                    assertEquals(tr.apply(bx[i]), sx[i], 0.0);
                    assertEquals(tr.apply(by[i]), sy[i], 0.0);
                }
                assertArrayEquals(ranks(bx), ranks(sx), tr + " x column " + j);
                assertArrayEquals(ranks(by), ranks(sy), tr + " y column " + j);
                assertEquals(1.0, spearman(bx, sx), 1e-12);
                assertEquals(spearman(bx, by), spearman(sx, sy), 1e-12);
            }
        }
    }

    private static int[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        int[] r = new int[v.length];
        for (int k = 0; k < order.length; k++) {
            r[order[k]] = k;
        }
        return r;
    }

    private static double spearman(double[] a, double[] b) {
        int[] ra = ranks(a);
        int[] rb = ranks(b);
        double n = a.length;
        double d2 = 0;
        for (int i = 0; i < a.length; i++) {
            d2 += (double) (ra[i] - rb[i]) * (ra[i] - rb[i]);
        }
        return 1 - 6 * d2 / (n * (n * n - 1));
    }

    @Test
    void randomRotationsAreOrthogonal() {
        for (int d = 1; d <= 6; d++) {
            double[][] q = TransformedTask.randomOrthogonal(d, Seeds.rng(d));
            double[][] qqt = TaskChecks.multiply(q, TaskChecks.transpose(q));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(i == j ? 1.0 : 0.0, qqt[i][j], 1e-12);
                }
            }
        }
    }

    /** A rotation keeps the norm of every x and y row, and (d >= 2) moves the rows. */
    @Test
    void rotationKeepsRowNormsAndMixesCoordinates() {
        GaussianTask base = GaussianTask.componentwise(3, 0.7);
        TaskSample b = base.sample(500, 9);
        TaskSample s = TransformedTask.of(base, Transform.ROTATION).sample(500, 9);
        assertNorms(b.x(), s.x());
        assertNorms(b.y(), s.y());
        assertNotEquals(b.x().get(0, 0), s.x().get(0, 0));
        // same rotation seed, same samples; another rotation seed, other samples
        TaskChecks.assertSameSamples(s, TransformedTask.of(base, Transform.ROTATION, 0).sample(500, 9));
        TaskChecks.assertDifferentSamples(s, TransformedTask.of(base, Transform.ROTATION, 1).sample(500, 9));
    }

    private static void assertNorms(Samples a, Samples b) {
        for (int i = 0; i < a.n(); i++) {
            double na = 0;
            double nb = 0;
            for (int j = 0; j < a.dim(); j++) {
                na += a.get(i, j) * a.get(i, j);
                nb += b.get(i, j) * b.get(i, j);
            }
            assertEquals(Math.sqrt(na), Math.sqrt(nb), 1e-12 * (1 + Math.sqrt(na)));
        }
    }

    @Test
    void sameSeedSameSamplesDifferentSeedDifferentSamples() {
        for (Transform tr : Transform.values()) {
            TransformedTask t = TransformedTask.of(StudentTTask.componentwise(2, 0.5, 4), tr);
            TaskChecks.assertSameSamples(t.sample(200, 3), t.sample(200, 3));
            TaskChecks.assertDifferentSamples(t.sample(200, 3), t.sample(200, 4));
        }
        assertThrows(IllegalArgumentException.class, () -> TransformedTask.of(null, Transform.ASINH));
        assertThrows(IllegalArgumentException.class, () -> TransformedTask.of(GaussianTask.bivariate(0.1), null));
    }
}
