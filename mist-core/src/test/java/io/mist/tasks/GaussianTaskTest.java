package io.mist.tasks;

import static io.mist.tasks.TaskChecks.multiply;
import static io.mist.tasks.TaskChecks.sub;
import static io.mist.tasks.TaskChecks.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GaussianTaskTest {
    private static final double RHO1 = 0.7;
    private static final double RHO2 = -0.4;

    /**
     * A 2 x 3 task built with known canonical correlations: {@code x_1, x_2} correlated with {@code y_1, y_2}
     * at {@code RHO1, RHO2}, {@code y_3} independent, then each block mixed by an invertible (non-orthogonal)
     * matrix. Mixing within a block does not change the canonical correlations, so
     * {@code I = -0.5 (log(1 - RHO1^2) + log(1 - RHO2^2))}.
     */
    static double[][] mixedCovariance() {
        double[][] c0 = new double[5][5];
        for (int i = 0; i < 5; i++) {
            c0[i][i] = 1;
        }
        c0[0][2] = c0[2][0] = RHO1;
        c0[1][3] = c0[3][1] = RHO2;
        double[][] m = new double[5][5];
        double[][] a = {{1.5, 0.3}, {-0.7, 0.9}};
        double[][] b = {{2, 0.1, -0.5}, {0.4, 1, 0.2}, {0.3, -0.6, 0.8}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = a[i][j];
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[2 + i][2 + j] = b[i][j];
            }
        }
        double[][] cov = multiply(multiply(m, c0), transpose(m));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < i; j++) {
                cov[i][j] = cov[j][i]; // exact symmetry after floating-point products
            }
        }
        return cov;
    }

    private static double canonicalTruth() {
        return -0.5 * (Math.log(1 - RHO1 * RHO1) + Math.log(1 - RHO2 * RHO2));
    }

    @Test
    void bivariateAndComponentwiseTruthIsMinusHalfLogOneMinusRhoSquared() {
        for (double rho : new double[] {-0.95, -0.3, 0, 0.2, 0.6, 0.99}) {
            double expected = -0.5 * Math.log(1 - rho * rho);
            assertEquals(expected, GaussianTask.bivariate(rho).trueMutualInformation(), 1e-14 * (1 + expected));
            assertEquals(4 * expected, GaussianTask.componentwise(4, rho).trueMutualInformation(),
                    1e-13 * (1 + expected));
        }
        GaussianTask t = GaussianTask.componentwise(3, 0.5);
        assertEquals(3, t.dimX());
        assertEquals(3, t.dimY());
        assertEquals("gaussian-3x3-rho0.5", t.name());
    }

    @Test
    void generalCovarianceTruthMatchesItsCanonicalCorrelations() {
        GaussianTask t = GaussianTask.of(mixedCovariance(), 2);
        assertEquals(2, t.dimX());
        assertEquals(3, t.dimY());
        assertEquals(canonicalTruth(), t.trueMutualInformation(), 1e-12);
        // independently: prod (1 - r_i^2) = det(I - Sxx^-1 Sxy Syy^-1 Syx), by LU rather than Cholesky
        double[][] s = mixedCovariance();
        double[][] sxx = sub(s, 0, 2, 0, 2);
        double[][] sxy = sub(s, 0, 2, 2, 5);
        double[][] syy = sub(s, 2, 5, 2, 5);
        double[][] m = multiply(multiply(new TaskChecks.Lu(sxx).inverse(), sxy),
                multiply(new TaskChecks.Lu(syy).inverse(), transpose(sxy)));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = (i == j ? 1 : 0) - m[i][j];
            }
        }
        assertEquals(-0.5 * Math.log(new TaskChecks.Lu(m).determinant()), t.trueMutualInformation(), 1e-12);
    }

    /**
     * I = E[log p(x, y) - log p(x) - log p(y)]; the Monte Carlo mean over n = 100,000 draws has standard
     * error sd/sqrt(n) (about 0.003 here), and 4.5 standard errors bound it.
     */
    @Test
    void truthMatchesMonteCarloAverageOfTheLogDensityRatio() {
        double[][] s = mixedCovariance();
        GaussianTask t = GaussianTask.of(s, 2);
        double[][] sxx = sub(s, 0, 2, 0, 2);
        double[][] syy = sub(s, 2, 5, 2, 5);
        TaskChecks.Lu lj = new TaskChecks.Lu(s);
        TaskChecks.Lu lx = new TaskChecks.Lu(sxx);
        TaskChecks.Lu ly = new TaskChecks.Lu(syy);
        double[][] ij = lj.inverse();
        double[][] ix = lx.inverse();
        double[][] iy = ly.inverse();
        double logDetTerm = -0.5 * (Math.log(lj.determinant()) - Math.log(lx.determinant())
                - Math.log(ly.determinant()));
        int n = 100_000;
        double[][] v = TaskChecks.joint(t.sample(n, 123));
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = logDetTerm - 0.5 * (TaskChecks.quadratic(ij, v[i], 0) - TaskChecks.quadratic(ix, v[i], 0)
                    - TaskChecks.quadratic(iy, v[i], 2));
        }
        double[] ms = TaskChecks.meanAndStandardError(ratio);
        assertEquals(t.trueMutualInformation(), ms[0], 4.5 * ms[1], () -> "Monte Carlo " + ms[0] + " +/- " + ms[1]);
    }

    /** Means within 4.5 standard errors of 0 and second moments within 4.5 of the covariance, at n = 100,000. */
    @Test
    void samplerMomentsMatchTheCovariance() {
        double[][] s = mixedCovariance();
        TaskChecks.assertMoments(GaussianTask.of(s, 2).sample(100_000, 7), s, 1, 4.5);
        GaussianTask b = GaussianTask.bivariate(-0.8);
        TaskChecks.assertMoments(b.sample(100_000, 8), b.covariance(), 1, 4.5);
    }

    @Test
    void sameSeedSameSamplesDifferentSeedDifferentSamples() {
        GaussianTask t = GaussianTask.componentwise(2, 0.5);
        TaskChecks.assertSameSamples(t.sample(500, 1), t.sample(500, 1));
        TaskChecks.assertDifferentSamples(t.sample(500, 1), t.sample(500, 2));
        TaskSample s = t.sample(500, 1);
        assertEquals(500, s.x().n());
        assertEquals(2, s.x().dim());
        assertEquals(2, s.y().dim());
    }

    @Test
    void covarianceIsADefensiveCopy() {
        GaussianTask t = GaussianTask.bivariate(0.5);
        t.covariance()[0][1] = 0.9;
        assertEquals(0.5, t.covariance()[0][1]);
        double[][] c = {{1, 0.5}, {0.5, 1}};
        GaussianTask u = GaussianTask.of(c, 1);
        c[0][1] = c[1][0] = 0.9;
        assertEquals(-0.5 * Math.log(0.75), u.trueMutualInformation(), 1e-15);
    }

    private static void rejects(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should contain '" + part + "'");
    }

    @Test
    void invalidParametersAreRejected() {
        rejects(() -> GaussianTask.bivariate(1.0), "rho must be in (-1.0, 1.0), got 1.0");
        rejects(() -> GaussianTask.bivariate(Double.NaN), "rho");
        rejects(() -> GaussianTask.componentwise(0, 0.5), "dim must be at least 1");
        rejects(() -> GaussianTask.of(null, 1), "cov must not be null");
        rejects(() -> GaussianTask.of(new double[][] {{1, 0}, {0, 1}}, 2), "dx must be in [1, 2)");
        rejects(() -> GaussianTask.of(new double[][] {{1, 0}, {0}}, 1), "cov must be square: row 1 has 1 columns");
        rejects(() -> GaussianTask.of(new double[][] {{1, 0.5}, {0.4, 1}}, 1), "cov must be symmetric");
        rejects(() -> GaussianTask.of(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}, 1), "cov[0][1]");
        rejects(() -> GaussianTask.of(new double[][] {{1, 2}, {2, 1}}, 1), "cov must be positive definite");
        rejects(() -> GaussianTask.bivariate(0.5).sample(0, 1), "n must be at least 1");
    }

    @Test
    void independentTaskHasZeroTruthAndIdentityCovariance() {
        IndependentTask t = IndependentTask.of(2, 3);
        assertEquals(0.0, t.trueMutualInformation());
        assertEquals(2, t.dimX());
        assertEquals(3, t.dimY());
        assertEquals("independent-2x3", t.name());
        double[][] id = new double[5][5];
        for (int i = 0; i < 5; i++) {
            id[i][i] = 1;
        }
        TaskChecks.assertMoments(t.sample(100_000, 3), id, 1, 4.5);
        TaskChecks.assertSameSamples(t.sample(100, 4), t.sample(100, 4));
        TaskChecks.assertDifferentSamples(t.sample(100, 4), t.sample(100, 5));
        rejects(() -> IndependentTask.of(0, 1), "dx must be at least 1");
        rejects(() -> IndependentTask.of(1, 0), "dy must be at least 1");
    }
}
