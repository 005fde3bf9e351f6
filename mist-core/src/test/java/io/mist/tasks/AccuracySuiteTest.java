package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.core.internal.Matrices;
import io.mist.registry.DataKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccuracySuiteTest {
    /** log det of the d x d equicorrelation matrix from its eigenvalues (independent of the Cholesky path). */
    private static double logDetEquicorrelated(int d, double rho) {
        return Math.log(1 + (d - 1) * rho) + (d - 1) * Math.log(1 - rho);
    }

    @Test
    void denseTaskMatchesTheEigenvalueClosedForm() {
        for (int dim : new int[] {1, 2, 5, 25}) {
            double expected = 0.5 * (2 * logDetEquicorrelated(dim, 0.5) - logDetEquicorrelated(2 * dim, 0.5));
            assertEquals(expected, GaussianTask.dense(dim, 0.5).trueMutualInformation(), 1e-10, "dim " + dim);
        }
        // 1x1 dense is the bivariate normal: -0.5 log(1 - rho^2)
        assertEquals(-0.5 * Math.log(1 - 0.25), GaussianTask.dense(1, 0.5).trueMutualInformation(), 1e-12);
    }

    @Test
    void sparseTaskMatchesItsClosedFormWhateverTheDimension() {
        double expected = -0.5 * 2 * Math.log(1 - 0.64);
        for (int dim : new int[] {2, 3, 25}) {
            assertEquals(expected, GaussianTask.sparse(dim, 2, 0.8).trueMutualInformation(), 1e-10, "dim " + dim);
        }
    }

    /** The sampler draws the covariance the MI is computed from: 20000 rows, standard error of r about 0.006. */
    @Test
    void denseSamplesHaveTheEquicorrelation() {
        TaskSample s = GaussianTask.dense(2, 0.5).sample(20_000, 3);
        double[][] c = Matrices.covariance(Samples.concat(s.x(), s.y()));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? 1 : 0.5, c[i][j], 0.04, i + "," + j);
            }
        }
    }

    @Test
    void suiteHasUniqueNamesExactTruthsAndOneDiscreteTask() {
        List<GroundTruthTask> tasks = AccuracySuite.tasks();
        Set<String> names = new HashSet<>();
        int discrete = 0;
        for (GroundTruthTask t : tasks) {
            assertTrue(names.add(t.name()), "duplicate " + t.name());
            assertTrue(Double.isFinite(t.trueMutualInformation()) && t.trueMutualInformation() >= 0, t.name());
            TaskSample s = t.sample(5, 1);
            assertEquals(t.dimX(), s.x().dim(), t.name());
            assertEquals(t.dataKind() != DataKind.CONTINUOUS, s.x().isDiscrete(), t.name());
            assertEquals(t.dataKind() == DataKind.DISCRETE, s.y().isDiscrete(), t.name());
            discrete += t.discrete() ? 1 : 0;
        }
        assertEquals(1, discrete);
        assertTrue(names.contains("gaussian-dense-25x25-rho0.5"), names.toString());
        assertTrue(tasks.stream().anyMatch(t -> t.trueMutualInformation() > 2 && t.trueMutualInformation() < 3));
    }

    @Test
    void selectKeepsTheOrderAndNamesAnUnknownTask() {
        List<GroundTruthTask> two = AccuracySuite.select(List.of("independent-2x2", "gaussian-1x1-rho0.75"));
        assertEquals("independent-2x2", two.get(0).name());
        assertEquals(-0.5 * Math.log(1 - 0.75 * 0.75), two.get(1).trueMutualInformation(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccuracySuite.select(List.of("nope")));
        assertTrue(e.getMessage().startsWith("unknown task 'nope'; known tasks: gaussian-1x1-rho0.75"), e.getMessage());
    }

    @Test
    void factoriesRejectBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> GaussianTask.dense(2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> GaussianTask.dense(2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> GaussianTask.sparse(2, 3, 0.5));
    }
}
