package io.mist.uncertainty;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.internal.Parallel;
import io.mist.core.internal.RandomStream;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.Statistics;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Resampling standard errors and permutation tests around any {@link MutualInformationEstimator}.
 *
 * <p><b>Bootstrap</b> (Efron 1979): {@code B} resamples of the rows with replacement; the standard error is
 * the standard deviation of the {@code B} estimates.
 *
 * <p><b>Subsampling</b> (Holmes and Nemenman 2019, "Estimation of mutual information for real-valued data
 * with error bars and controlled bias"): each of {@code B} rounds splits a random permutation of the rows
 * into {@code k = parts} disjoint subsets of size {@code m = n / k}. Disjoint subsets are independent
 * samples, so within one round the sample variance of the {@code k} subset estimates (denominator
 * {@code k - 1}) is an unbiased estimate of the variance at size {@code m}; it is averaged over the rounds,
 * and since the variance of these estimators scales like {@code 1/n}, the standard error at the full size
 * is {@code sqrt(mean within-round variance * m / n)}. (Pooling all subset estimates around their overall
 * mean instead would shrink the variance by {@code (k - 1) / k}, because the subsets of one round share the
 * full sample.)
 *
 * <p><b>Permutation test</b>: {@code P} estimates with the rows of y permuted; the p-value is
 * {@code (1 + #{permuted >= observed}) / (P + 1)}, valid at any P ({@link Significance#permutationPValue}).
 */
public final class Uncertainty {
    /** Subsets per subsampling round. */
    public static final int SUBSAMPLING_PARTS = 2;

    /**
     * Fewest rows a resample may have. Below it the resamples are too few and too alike to describe the
     * sampling distribution (at n = 5 a bootstrap draws from 126 distinct multisets, and a k-NN estimate on
     * a half of 2 rows is the same constant for every split, giving a standard error of exactly 0).
     */
    public static final int MIN_RESAMPLE_ROWS = 10;

    private Uncertainty() {
    }

    /**
     * Adds a resampling standard error to {@code estimate}, using the estimator's declared scheme.
     *
     * @param replicates number of bootstrap resamples or subsampling rounds (at least 2)
     * @param threads worker threads (at least 1), pool local to this call
     */
    public static MIEstimate withStandardError(MutualInformationEstimator estimator, Samples x, Samples y,
            MIEstimate estimate, int replicates, long seed, int threads) {
        Checks.atLeast("bootstrap replicates", replicates, 2);
        Checks.sameRows("x", x, "y", y);
        ResamplingScheme scheme = estimator.resamplingScheme();
        int n = x.n();
        double se;
        double[] values;
        if (scheme == ResamplingScheme.SUBSAMPLING) {
            int parts = SUBSAMPLING_PARTS;
            int m = n / parts;
            if (m < MIN_RESAMPLE_ROWS) {
                throw Checks.fail("subsampling needs at least %d samples for a standard error (%d parts of at "
                        + "least %d rows), got %d; use more rows or no resampling standard error",
                        parts * MIN_RESAMPLE_ROWS, parts, MIN_RESAMPLE_ROWS, n);
            }
            values = Parallel.mapToDouble(replicates * parts, threads, task -> {
                int round = task / parts;
                int part = task % parts;
                int[] perm = Seeds.permutation(n, Seeds.rng(seed, RandomStream.RESAMPLING, round));
                int[] idx = new int[m];
                System.arraycopy(perm, part * m, idx, 0, m);
                return estimator.estimate(x.rows(idx), y.rows(idx)).value();
            });
            double withinRound = 0;
            for (int round = 0; round < replicates; round++) {
                double s = Statistics.standardDeviation(Arrays.copyOfRange(values, round * parts, (round + 1) * parts));
                withinRound += s * s;
            }
            se = Math.sqrt(withinRound / replicates * m / n);
        } else {
            if (n < MIN_RESAMPLE_ROWS) {
                throw Checks.fail("the bootstrap needs at least %d samples for a standard error, got %d; use more "
                        + "rows or no resampling standard error", MIN_RESAMPLE_ROWS, n);
            }
            values = Parallel.mapToDouble(replicates, threads, r -> {
                UniformRandomProvider rng = Seeds.rng(seed, RandomStream.RESAMPLING, r);
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = rng.nextInt(n);
                }
                return estimator.estimate(x.rows(idx), y.rows(idx)).value();
            });
            se = Statistics.standardDeviation(values);
            scheme = ResamplingScheme.BOOTSTRAP;
        }
        MIEstimate.Builder b = estimate.toBuilder().standardError(se).uncertaintyScheme(scheme)
                .diagnostic(Checks.format("standard error from %d %s replicates", replicates, scheme.label()));
        if (Arrays.stream(values).allMatch(v -> v == values[0])) {
            b.diagnostic(Checks.format("all %d %s replicates gave the same value: the standard error 0 says the "
                    + "estimate did not move under resampling, not that it is exact", replicates, scheme.label()));
        }
        return b.build();
    }

    /**
     * Adds a permutation-test p-value of independence to {@code estimate}.
     *
     * @param permutations number of permutations (at least 1)
     */
    public static MIEstimate withPermutationTest(MutualInformationEstimator estimator, Samples x, Samples y,
            MIEstimate estimate, int permutations, long seed, int threads) {
        Checks.atLeast("permutations", permutations, 1);
        Checks.sameRows("x", x, "y", y);
        double observed = estimate.value();
        double[] values = Parallel.mapToDouble(permutations, threads, r -> {
            int[] perm = Seeds.permutation(y.n(), Seeds.rng(seed, RandomStream.PERMUTATION, r));
            return estimator.estimate(x, y.rows(perm)).value();
        });
        double p = Significance.permutationPValue(observed, values);
        MIEstimate.Builder b = estimate.toBuilder().pValue(p);
        if (observed < 0 && p > 0.05) {
            b.diagnostic(Checks.format("negative estimate %.4g is consistent with zero (permutation p = %.3g)",
                    observed, p));
        }
        return b.build();
    }
}
