package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.estimators.nn.internal.CrossFitting;
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
     * The cross-fitted error bar claims what it measures. Over 12 seeds (data and estimator seed s = 1..12;
     * nwj, a lower bound, on the Gaussian 1+1-D rho 0.6, truth 0.2231, n = 1,000, at most 400 iterations per
     * fold):
     * <ul>
     *   <li>{@code value +- 1.96 se} covers the mean over the seeds (the bound's expected value, which the
     *       standard error is for) in at least 10 of 12 runs: for a calibrated error the count is binomial(12,
     *       0.95), below 10 with probability 2 %;</li>
     *   <li>{@code value - 1.645 se} lies below the truth in at least 10 of 12 runs (the one-sided lower limit
     *       the diagnostics state; the same binomial, since the bound's gap only adds to it);</li>
     *   <li>the root-mean-square error is 0.7 to 1.8 times the seed-to-seed SD: with 11 degrees of freedom the
     *       sample SD of a calibrated error lies outside that band with probability about 4 %.</li>
     * </ul>
     * Measured here: mean 0.2065, SD 0.0350, RMS se 0.0317, 11 of 12 cover the mean, 12 of 12 lower limits
     * below the truth. Halving the error fails the test. smile at these truncated settings covers the mean in
     * 9 of 12 (RMS se 0.78 of the SD: its fold term, with 4 degrees of freedom, dominates when 400 iterations
     * leave the critics noisy); at its defaults and n = 2,000 it covered 12 of 12 on this task
     * (docs/estimators.md), so the test uses nwj, whose two claims are both checkable.
     */
    @Test
    void errorBarCoversWhatItClaims() {
        int seeds = 12;
        double truth = GaussianTask.bivariate(0.6).trueMutualInformation();
        double[] value = new double[seeds];
        double[] se = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            TaskSample s = GaussianTask.bivariate(0.6).sample(1000, i + 1);
            MIEstimate e = new DiscriminativeEstimator(config(Bound.NWJ, 400, i + 1)).estimate(s.x(), s.y());
            value[i] = e.value();
            se[i] = e.standardError();
            assertTrue(e.diagnostics().stream().anyMatch(d -> d.contains("one-sided 95% lower limit on the MI")),
                    e.diagnostics()::toString);
        }
        double mean = Arrays.stream(value).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(value).map(v -> (v - mean) * (v - mean)).sum() / (seeds - 1));
        double rms = Math.sqrt(Arrays.stream(se).map(v -> v * v).average().orElseThrow());
        int coversMean = 0;
        int belowTruth = 0;
        for (int i = 0; i < seeds; i++) {
            coversMean += Math.abs(value[i] - mean) <= 1.96 * se[i] ? 1 : 0;
            belowTruth += value[i] - 1.645 * se[i] <= truth ? 1 : 0;
        }
        String what = Arrays.toString(value) + " se " + Arrays.toString(se);
        assertTrue(coversMean >= 10, () -> "covers the mean in " + what);
        assertTrue(belowTruth >= 10, () -> "lower limit below the truth in " + what);
        assertTrue(rms >= 0.7 * sd && rms <= 1.8 * sd, () -> "rms se " + rms + " sd " + sd + " " + what);
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
        return config(Bound.SMILE, iterations, seed);
    }

    private static DiscriminativeConfig config(Bound bound, int iterations, long seed) {
        return DiscriminativeConfig.builder(bound)
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
