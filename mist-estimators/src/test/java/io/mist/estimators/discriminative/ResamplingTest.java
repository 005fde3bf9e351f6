package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.InvalidOptionException;
import io.mist.core.internal.Seeds;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.HashSet;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** mine's and dv's {@code resampling} and mine's {@code beta}: what the options draw, and that they act. */
class ResamplingTest {
    @Test
    void permutationNegativesAreDistinctAndNeverThePositive() {
        UniformRandomProvider rng = Seeds.rng(1);
        for (int trial = 0; trial < 200; trial++) {
            int[] s = DiscriminativeNeuralEstimator.shifts(5, 16, rng);
            assertEquals(0, s[0], "row 0 is the positive");
            Set<Integer> seen = new HashSet<>();
            for (int k = 1; k < s.length; k++) {
                assertTrue(s[k] > 0 && s[k] < 16, "a negative shift is never 0");
                assertTrue(seen.add(s[k]), "shifts are distinct, so a column's negatives are distinct rows");
            }
        }
    }

    @Test
    void withReplacementDrawsRepeatAndIncludeThePositive() {
        UniformRandomProvider rng = Seeds.rng(2);
        int b = 16;
        int m = 16;
        int own = 0;
        int repeatedColumns = 0;
        int trials = 200;
        for (int trial = 0; trial < trials; trial++) {
            long[] rows = DiscriminativeNeuralEstimator.drawsWithReplacement(m, b, rng);
            assertEquals((m + 1) * b, rows.length);
            for (int i = 0; i < b; i++) {
                assertEquals(i, rows[i], "the first row pairs each x with its own y");
                Set<Long> column = new HashSet<>();
                for (int k = 1; k <= m; k++) {
                    long r = rows[k * b + i];
                    assertTrue(r >= 0 && r < b);
                    own += r == i ? 1 : 0;
                    column.add(r);
                }
                repeatedColumns += column.size() < m ? 1 : 0;
            }
        }
        // each draw is its own y with probability 1/B: expected 200 * 16 * 16 / 16 = 3200, sd about 55
        assertEquals(3200, own, 250);
        // 16 draws from 16 rows repeat one with probability 1 - 16!/16^16, essentially 1
        assertEquals(trials * b, repeatedColumns);
    }

    @Test
    void resamplingChangesTheTrainingAndBetaIsGamma() {
        TaskSample s = GaussianTask.componentwise(1, 0.6).sample(600, 4);
        EstimateMI.Request base = EstimateMI.with("mine").option("max_iterations", 60).option("hidden_dims", "16")
                .option("folds", 1).seed(5);
        double perm = base.estimate(s.x(), s.y()).value();
        double perm2 = EstimateMI.with("mine").option("max_iterations", 60).option("hidden_dims", "16")
                .option("folds", 1).option("resampling", "permutation").seed(5).estimate(s.x(), s.y()).value();
        double repl = EstimateMI.with("mine").option("max_iterations", 60).option("hidden_dims", "16")
                .option("folds", 1).option("resampling", "with_replacement").seed(5).estimate(s.x(), s.y()).value();
        assertEquals(perm, perm2, 0.0, "permutation is the default");
        assertNotEquals(perm, repl, "other negatives, another value");
        double gamma = EstimateMI.with("mine").option("max_iterations", 60).option("hidden_dims", "16")
                .option("folds", 1).option("gamma", 0.5).seed(5).estimate(s.x(), s.y()).value();
        double beta = EstimateMI.with("mine").option("max_iterations", 60).option("hidden_dims", "16")
                .option("folds", 1).option("beta", 0.5).seed(5).estimate(s.x(), s.y()).value();
        assertEquals(gamma, beta, 0.0, "beta is the notebook's name of gamma");
        assertNotEquals(perm, gamma, "and gamma acts");
        InvalidOptionException both = assertThrows(InvalidOptionException.class,
                () -> EstimateMI.with("mine").option("gamma", 0.5).option("beta", 0.5).build());
        assertEquals("beta", both.option());
        InvalidOptionException sep = assertThrows(InvalidOptionException.class,
                () -> EstimateMI.with("dv").option("critic_type", "separable").option("neg_samples", 0)
                        .option("resampling", "with_replacement").build());
        assertEquals("resampling", sep.option());
    }
}
