package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProjectedGaussianTaskTest {
    private static double squaredNorm(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return s;
    }

    @Test
    void seedNotebookTruthIsTheLatentPairs() {
        ProjectedGaussianTask t = ProjectedGaussianTask.seedNotebook();
        assertEquals(-0.5 * Math.log(1 - 9.0 / 21), t.trueMutualInformation(), 1e-15);
        assertEquals(0.2798, t.trueMutualInformation(), 5e-5);
        assertEquals(100, t.dimX());
        assertEquals(100, t.dimY());
    }

    /**
     * With noise, {@code p^T x} and {@code q^T y} are sufficient for {@code a} and {@code b} (the noise is
     * isotropic), so I(x;y) = I(p^T x; q^T y) = -1/2 ln(1 - r^2) with
     * {@code r^2 = C_ab^2 / ((C_aa + s^2/|p|^2)(C_bb + s^2/|q|^2))}: an independent check of the 200 x 200
     * log-determinants.
     */
    @Test
    void noisyTruthMatchesTheSufficientStatisticForm() {
        ProjectedGaussianTask t = ProjectedGaussianTask.noisy();
        double pp = squaredNorm(t.projectionX());
        double qq = squaredNorm(t.projectionY());
        double r2 = 9 / ((6 + 1 / pp) * (3.5 + 1 / qq));
        assertEquals(-0.5 * Math.log(1 - r2), t.trueMutualInformation(), 1e-9);
        assertEquals(0.278, t.trueMutualInformation(), 0.002);
    }

    /** Sample moments: var(x_j) = 6 p_j^2 + 1 and cov(x_j, y_k) = 3 p_j q_k within 5 standard errors. */
    @Test
    void samplesHaveTheModelledCovariance() {
        ProjectedGaussianTask t = ProjectedGaussianTask.noisy();
        int n = 20_000;
        TaskSample s = t.sample(n, 5);
        double[] p = t.projectionX();
        double[] q = t.projectionY();
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += s.x().get(i, 0) * s.x().get(i, 0);
            sxy += s.x().get(i, 0) * s.y().get(i, 1);
        }
        double vx = 6 * p[0] * p[0] + 1;
        double vy = 3.5 * q[1] * q[1] + 1;
        double cxy = 3 * p[0] * q[1];
        assertEquals(vx, sxx / n, 5 * vx * Math.sqrt(2.0 / n));
        assertEquals(cxy, sxy / n, 5 * Math.sqrt((vx * vy + cxy * cxy) / n));
        TaskChecks.assertSameSamples(s, t.sample(n, 5));
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ProjectedGaussianTask.of(new double[][] {{1, 2}, {2, 1}}, 10, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ProjectedGaussianTask.of(new double[][] {{1, 0}, {0, 1}}, 10, -1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ProjectedGaussianTask.of(new double[][] {{1, 0}, {0, 1}}, 0, 0, 1));
    }
}
