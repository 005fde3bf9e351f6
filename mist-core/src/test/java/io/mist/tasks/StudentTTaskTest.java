package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTaskTest {
    /**
     * Monte Carlo check of the closed form: {@code I = E[log f(x, y) - log f(x) - log f(y)]} with the t
     * density; the mean of n draws has standard error sd/sqrt(n), and 4.5 standard errors bound it.
     */
    private static void assertTruthMatchesMonteCarlo(StudentTTask t, int n, long seed) {
        double[][] v = TaskChecks.joint(t.sample(n, seed));
        int dx = t.dimX();
        int d = dx + t.dimY();
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = t.logDensity(v[i], 0, d) - t.logDensity(v[i], 0, dx) - t.logDensity(v[i], dx, d);
        }
        double[] ms = TaskChecks.meanAndStandardError(ratio);
        assertEquals(t.trueMutualInformation(), ms[0], 4.5 * ms[1],
                () -> t.name() + ": closed form " + t.trueMutualInformation() + ", Monte Carlo " + ms[0] + " +/- "
                        + ms[1]);
    }

    @Test
    void truthMatchesMonteCarloForCorrelatedShape() {
        StudentTTask t = StudentTTask.componentwise(1, 0.6, 3);
        assertTrue(t.trueMutualInformation() > GaussianTask.bivariate(0.6).trueMutualInformation());
        assertTruthMatchesMonteCarlo(t, 100_000, 11);
        assertTruthMatchesMonteCarlo(StudentTTask.of(GaussianTaskTest.mixedCovariance(), 2, 4), 50_000, 12);
    }

    /** With a diagonal shape matrix the Gaussian part is 0, yet X and Y share the chi-square scale. */
    @Test
    void diagonalShapeHasZeroGaussianPartButPositiveInformation() {
        StudentTTask t = StudentTTask.componentwise(2, 0.0, 2);
        assertEquals(0.0, GaussianTask.componentwise(2, 0.0).trueMutualInformation(), 1e-15);
        assertEquals(StudentTTask.correction(2, 2, 2), t.trueMutualInformation(), 1e-15);
        assertTrue(t.trueMutualInformation() > 0.1, () -> "MI " + t.trueMutualInformation());
        assertTruthMatchesMonteCarlo(t, 100_000, 13);
        assertTruthMatchesMonteCarlo(StudentTTask.componentwise(1, 0.0, 1), 100_000, 14);
    }

    @Test
    void nonGaussianPartIsPositiveAndVanishesAsDegreesOfFreedomGrow() {
        double previous = Double.POSITIVE_INFINITY;
        for (double nu : new double[] {1, 2, 5, 20, 100, 1000}) {
            double c = StudentTTask.correction(nu, 2, 3);
            assertTrue(c > 0 && c < previous, () -> "correction " + c + " at nu " + nu);
            previous = c;
        }
        assertEquals(0.0, StudentTTask.correction(1e6, 2, 3), 1e-6);
    }

    /** The log-density integrates to 1: 1-D and correlated 2-D, by the substitution t = tan(u). */
    @Test
    void logDensityIsNormalised() {
        StudentTTask t1 = StudentTTask.componentwise(1, 0.0, 3);
        int m = 4000;
        double h = Math.PI / m;
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double u = -Math.PI / 2 + (k + 0.5) * h;
            double x = Math.tan(u);
            double sec2 = 1 + x * x;
            sum += Math.exp(t1.logDensity(new double[] {x, 0}, 0, 1)) * sec2 * h;
        }
        assertEquals(1.0, sum, 1e-6);

        StudentTTask t2 = StudentTTask.componentwise(1, 0.7, 4);
        int g = 600;
        double hg = Math.PI / g;
        double sum2 = 0;
        for (int a = 0; a < g; a++) {
            double x = Math.tan(-Math.PI / 2 + (a + 0.5) * hg);
            for (int b = 0; b < g; b++) {
                double y = Math.tan(-Math.PI / 2 + (b + 0.5) * hg);
                sum2 += Math.exp(t2.logDensity(new double[] {x, y}, 0, 2)) * (1 + x * x) * (1 + y * y) * hg * hg;
            }
        }
        assertEquals(1.0, sum2, 1e-4);
    }

    /**
     * For nu = 10 the covariance is nu / (nu - 2) times the shape matrix; fourth moments are
     * (nu - 2) / (nu - 4) times their Gaussian value, which sets the standard errors (n = 100,000, 4.5 SE).
     */
    @Test
    void samplerMomentsMatchTheScaledShapeMatrix() {
        double nu = 10;
        StudentTTask t = StudentTTask.of(GaussianTaskTest.mixedCovariance(), 2, nu);
        double[][] cov = t.shapeMatrix();
        for (double[] row : cov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= nu / (nu - 2);
            }
        }
        TaskChecks.assertMoments(t.sample(100_000, 21), cov, (nu - 2) / (nu - 4), 4.5);
        assertEquals(nu, t.degreesOfFreedom());
    }

    @Test
    void sameSeedSameSamplesDifferentSeedDifferentSamples() {
        StudentTTask t = StudentTTask.componentwise(2, 0.3, 5);
        TaskChecks.assertSameSamples(t.sample(300, 1), t.sample(300, 1));
        TaskChecks.assertDifferentSamples(t.sample(300, 1), t.sample(300, 2));
        assertEquals("student-t-2x2-nu5.0", t.name());
    }

    @Test
    void invalidDegreesOfFreedomAreRejected() {
        for (double nu : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StudentTTask.componentwise(1, 0.5, nu));
            assertTrue(e.getMessage().contains("nu (degrees of freedom)"), e::getMessage);
        }
        assertThrows(IllegalArgumentException.class, () -> StudentTTask.componentwise(1, 0.5, 3).sample(0, 1));
    }
}
