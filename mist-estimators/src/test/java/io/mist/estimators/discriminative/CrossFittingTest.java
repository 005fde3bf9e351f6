package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;
import io.mist.train.TrainConfig;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Cross-fitting: fold assignment, the error formula, and no selection bias on independent data. */
class CrossFittingTest {
    @Test
    void foldsAreBalancedDisjointAndSeeded() {
        int[] fold = CrossFitting.assign(103, 5, 7);
        int[] count = new int[5];
        for (int f : fold) {
            count[f]++;
        }
        for (int c : count) {
            assertTrue(c == 20 || c == 21, Arrays.toString(count));
        }
        assertArrayEquals(fold, CrossFitting.assign(103, 5, 7));
        assertEquals(103, CrossFitting.rows(fold, 2, true).length + CrossFitting.rows(fold, 2, false).length);
        assertThrows(IllegalArgumentException.class, () -> CrossFitting.assign(9, 5, 1));
    }

    @Test
    void standardErrorIsTheLargerOfRowAndFoldSpread() {
        // two folds of two rows: fold means 1 and 3, overall mean 2
        double[] p = {0, 2, 2, 4};
        int[] fold = {0, 0, 1, 1};
        double[] r = CrossFitting.combine(p, fold, 2);
        assertEquals(2, r[0], 1e-12);
        double seRows = Math.sqrt((4 + 0 + 0 + 4) / 3.0 / 4);
        double seFolds = Math.sqrt((1 + 1) / (2.0 * 1));
        assertEquals(seRows, r[2], 1e-12);
        assertEquals(seFolds, r[3], 1e-12);
        assertEquals(Math.max(seRows, seFolds), r[1], 1e-12);
    }

    /**
     * On independent data a critic fitted to noise can only lower a bound on rows it never saw, so the
     * cross-fitted value averaged over seeds must not be positive. Measured (smile, n = 1,000, 500 iterations
     * per fold, seeds 1-8): mean -0.0035, per-seed SD 0.0025, so the mean of 4 seeds has SD 0.0013 and
     * exceeds 0.0025 (two SDs above zero) with probability under 2.5 % even without the negative bias. The
     * old value on the validation split that also chose the checkpoint ({@code folds = 1}) averaged +0.0088
     * over the same seeds (up to +0.028): the selection bias this test catches.
     */
    @Test
    void noSelectionBiasOnIndependentData() {
        double sum = 0;
        int seeds = 4;
        for (int seed = 1; seed <= seeds; seed++) {
            TaskSample s = IndependentTask.of(1, 1).sample(1000, seed);
            MIEstimate e = new DiscriminativeEstimator(smile(500, seed)).estimate(s.x(), s.y());
            assertEquals(ResamplingScheme.CROSS_FITTING, e.uncertaintyScheme());
            assertTrue(e.standardError() > 0 && e.standardError() < 0.02, () -> "se " + e.standardError());
            assertEquals(1000, e.pointwise().orElseThrow().length);
            assertTrue(e.diagnostics().get(0).contains("5-fold cross-fitting"), e.diagnostics()::toString);
            sum += e.value();
        }
        double mean = sum / seeds;
        assertTrue(mean < 0.0025 && mean > -0.02, () -> "mean over seeds " + mean);
    }

    /**
     * Standardisation with the training rows' statistics makes the estimate independent of per-column
     * affine maps: the standardised inputs agree up to rounding, so with the same seed the estimates agree to
     * far better than the seed-to-seed SD (0.024 for smile at n = 2,000). The tolerance 0.01 is below half of
     * that SD; without standardisation, a map of this kind moved smile, mine and infonce by 13 to 22,000 nats (issue 14).
     */
    @Test
    void estimatesDoNotDependOnUnits() {
        TaskSample s = GaussianTask.componentwise(2, 0.6).sample(600, 3);
        double[] scaleX = {1e-3, 1e6};
        double[] shiftX = {5e3, -3e7};
        double[] scaleY = {1e3, 0.01};
        double[] shiftY = {42, -1e4};
        Samples x = affine(s.x(), scaleX, shiftX);
        Samples y = affine(s.y(), scaleY, shiftY);
        for (Bound b : new Bound[] {Bound.SMILE, Bound.MINE, Bound.INFONCE}) {
            DiscriminativeConfig c = DiscriminativeConfig.builder(b).folds(2)
                    .train(TrainConfig.builder().maxIterations(200).seed(5).build()).build();
            double plain = new DiscriminativeEstimator(c).estimate(s.x(), s.y()).value();
            double mapped = new DiscriminativeEstimator(c).estimate(x, y).value();
            assertEquals(plain, mapped, 0.01, b.id());
        }
    }

    private static DiscriminativeConfig smile(int iterations, long seed) {
        return DiscriminativeConfig.builder(Bound.SMILE)
                .train(TrainConfig.builder().maxIterations(iterations).patience(DiscriminativeConfig.DEFAULT_PATIENCE)
                        .seed(seed).build()).build();
    }

    private static Samples affine(Samples s, double[] scale, double[] shift) {
        double[][] a = s.toArray();
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = row[j] * scale[j] + shift[j];
            }
        }
        return Samples.of(a);
    }
}
