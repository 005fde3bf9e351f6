package io.mist.estimators.latent;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.Statistics;
import io.mist.train.TrainConfig;

import java.util.Arrays;

/**
 * The variance of an estimate by repeated partitions (Holmes and Nemenman 2019, "Estimation of mutual
 * information for real-valued data with error bars and controlled bias", Phys. Rev. E 100, 022404; latentmi's
 * {@code estimate_variance}): for {@code m = 2, ..., P + 1} the rows are shuffled (seeded) and cut into
 * {@code m} disjoint parts of {@code floor(N / m)} rows, the estimator is refitted on every part, and
 * {@code s_m^2} is the sample variance (denominator {@code m - 1}) of the {@code m} part estimates. If the
 * variance scales as {@code B / N}, {@code s_m^2} estimates {@code B m / N}, so
 * {@code Var(N) = sum (m - 1)/m s_m^2 / sum (m - 1)}; its standard error, from the chi-square spread of the
 * {@code s_m^2}, is {@code Var(N) sqrt(2 / sum (m - 1))}. Disjoint parts, never resampling with replacement:
 * duplicated rows would make zero neighbour distances in the KSG step. Immutable.
 */
final class PartitionVariance {
    /** The estimator refitted on a part: the rows of x and y, with a training config seeded for that part. */
    @FunctionalInterface
    interface Refit {
        double value(Samples x, Samples y, TrainConfig train);
    }

    private final double variance;
    private final double standardError;
    private final int fits;
    private final int partitions;
    private final double[] partVariances;

    private PartitionVariance(double variance, double standardError, int fits, int partitions,
            double[] partVariances) {
        this.variance = variance;
        this.standardError = standardError;
        this.fits = fits;
        this.partitions = partitions;
        this.partVariances = partVariances;
    }

    /**
     * The partition variance of the estimate of {@code config} on {@code x, y}; part {@code j} of partition
     * {@code r} is fitted with seed {@code derive(derive(seed, RESAMPLING, r), j)}.
     *
     * @throws IllegalArgumentException naming {@code partitions} when the smallest parts are too small to fit
     */
    static PartitionVariance of(Samples x, Samples y, LatentConfig config, Refit refit) {
        int n = x.n();
        int p = config.partitions();
        int smallest = n / (p + 1);
        int heldOfSmallest = (int) Math.round(smallest * config.train().validFraction());
        if (heldOfSmallest <= config.k() || smallest - heldOfSmallest < 2) {
            throw Checks.invalid("partitions", "partitions = %d cuts the %d rows into parts of %d rows, too few to "
                    + "fit (need more than k = %d held-out rows per part); use fewer partitions", p, n, smallest,
                    config.k());
        }
        long seed = config.train().seed();
        double[] vars = new double[p];
        double num = 0;
        double dof = 0;
        int fits = 0;
        for (int r = 0; r < p; r++) {
            int m = r + 2;
            int size = n / m;
            long roundSeed = Seeds.derive(seed, RandomStream.RESAMPLING, r);
            int[] perm = Seeds.permutation(n, Seeds.rng(roundSeed));
            double[] values = new double[m];
            for (int j = 0; j < m; j++) {
                int[] rows = Arrays.copyOfRange(perm, j * size, (j + 1) * size);
                Arrays.sort(rows);
                TrainConfig tc = config.train().toBuilder().seed(Seeds.derive(roundSeed, j)).build();
                values[j] = refit.value(x.rows(rows), y.rows(rows), tc);
                fits++;
            }
            double sd = Statistics.standardDeviation(values);
            vars[r] = sd * sd;
            num += (m - 1.0) / m * vars[r];
            dof += m - 1;
        }
        double v = num / dof;
        return new PartitionVariance(v, v * Math.sqrt(2 / dof), fits, p, vars);
    }

    /** The variance of the estimate at the full sample size (nats squared). */
    double variance() {
        return variance;
    }

    /** The standard error of {@link #variance()}. */
    double standardError() {
        return standardError;
    }

    /** What the standard error is, in words. */
    String describe() {
        StringBuilder parts = new StringBuilder();
        for (int r = 0; r < partVariances.length; r++) {
            parts.append(r == 0 ? "" : ", ").append(Checks.format("%d: %.3g", r + 2, partVariances[r]));
        }
        return Checks.format("standard error %.4f nats = sqrt of the variance by repeated partitions (Holmes and "
                + "Nemenman 2019, as latentmi's estimate_variance): the rows cut into 2..%d disjoint parts, the "
                + "whole pipeline refitted on each of the %d parts, Var(N) = sum (m-1)/m s_m^2 / sum (m-1) = %.3g "
                + "(itself +/- %.2g); part-estimate variances s_m^2 by m: %s", Math.sqrt(variance), partitions + 1,
                fits, variance, standardError, parts);
    }
}
