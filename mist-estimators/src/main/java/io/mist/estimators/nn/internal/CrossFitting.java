package io.mist.estimators.nn.internal;

import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;

/**
 * K-fold cross-fitting of a trained estimator (as in double machine learning, Chernozhukov et al. 2018):
 * the rows are split at random into {@code k} folds of near-equal size; for each fold a critic is trained
 * (and its checkpoint chosen) on the other {@code k - 1} folds and evaluated on this fold, so every row's
 * value comes from a critic that never saw it. The estimate is the mean of all {@code n} per-row values
 * (the fold values weighted by fold size).
 *
 * <p><b>Standard error.</b> With {@code p_i} the per-row values, {@code v_j} the fold means and {@code v}
 * their mean,
 * <pre>
 *   se_rows^2  = var(p) / n                               (the rows' sampling noise given the critics)
 *   se_folds^2 = sum_j (v_j - v)^2 / (k (k - 1))          (also the critics' training noise, k - 1 d.o.f.)
 *   se = sqrt(max(se_rows^2, se_folds^2))
 * </pre>
 * Each fold value is the truth plus the critic's training error (variance {@code c^2}) plus the rows' noise
 * (variance {@code sigma^2 k / n}), so the fold spread estimates the whole variance {@code c^2 / k +
 * sigma^2 / n} of the mean, but with only {@code k - 1} degrees of freedom; the row term estimates its
 * second part with {@code n - 1}. The larger of the two never reports less than the well-determined row
 * noise and takes the training noise when it dominates.
 */
public final class CrossFitting {
    private CrossFitting() {
    }

    /**
     * The fold of each row: a seeded permutation dealt round-robin into {@code k} folds.
     *
     * @throws IllegalArgumentException if a fold would have fewer than 2 rows
     */
    public static int[] assign(int n, int k, long seed) {
        if (n < 2 * k) {
            throw Checks.fail("folds = %d needs at least %d rows (2 per fold), got %d; use fewer folds", k, 2 * k,
                    n);
        }
        if (k > RandomStream.CROSS_FIT_FOLD.count()) {
            throw Checks.fail("folds = %d: at most %d folds are supported; use fewer folds", k,
                    RandomStream.CROSS_FIT_FOLD.count());
        }
        int[] perm = Seeds.permutation(n, Seeds.rng(seed, RandomStream.CROSS_FIT_ASSIGNMENT));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % k;
        }
        return fold;
    }

    /** The rows with {@code fold[i] == j} (held out) or {@code != j} (training), ascending. */
    public static int[] rows(int[] fold, int j, boolean heldOut) {
        int count = 0;
        for (int f : fold) {
            if ((f == j) == heldOut) {
                count++;
            }
        }
        int[] out = new int[count];
        int c = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == j) == heldOut) {
                out[c++] = i;
            }
        }
        return out;
    }

    /**
     * The estimate and its standard error (see the class comment) from per-row values and their folds.
     *
     * @return {@code {value, standardError, se_rows, se_folds}}
     */
    public static double[] combine(double[] pointwise, int[] fold, int k) {
        int n = pointwise.length;
        double[] sum = new double[k];
        int[] count = new int[k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            sum[fold[i]] += pointwise[i];
            count[fold[i]]++;
            total += pointwise[i];
        }
        double mean = total / n;
        double ss = 0;
        for (double p : pointwise) {
            ss += (p - mean) * (p - mean);
        }
        double seRows2 = ss / (n - 1) / n;
        double between = 0;
        for (int j = 0; j < k; j++) {
            double d = sum[j] / count[j] - mean;
            between += d * d;
        }
        double seFolds2 = k > 1 ? between / ((double) k * (k - 1)) : 0;
        return new double[] {mean, Math.sqrt(Math.max(seRows2, seFolds2)), Math.sqrt(seRows2), Math.sqrt(seFolds2)};
    }
}
