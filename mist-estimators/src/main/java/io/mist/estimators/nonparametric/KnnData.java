package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.internal.Parallel;
import io.mist.core.internal.RandomStream;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.Special;

import org.apache.commons.rng.UniformRandomProvider;

/** Shared input handling of the k-nearest-neighbour estimators: validation, scaling, tie-breaking noise. */
final class KnnData {
    private static final double[] DIGAMMA = Special.digammaTable(1 << 16);

    private KnnData() {
    }

    /** psi(m) for a positive integer m, from a table below 65,536. */
    static double digamma(int m) {
        return m < DIGAMMA.length ? DIGAMMA[m] : Special.digamma(m);
    }

    /**
     * One row's term of the KSG estimate (Kraskov, Stoegbauer and Grassberger 2004, eqs. 8 and 9) from its
     * marginal neighbour counts: algorithm 1 {@code psi(k) + psi(n) - psi(nx + 1) - psi(ny + 1)}, algorithm 2
     * {@code psi(k) - 1/k + psi(n) - psi(nx) - psi(ny)}; {@code psiK} and {@code psiN} are {@code psi(k)} and
     * {@code psi(n)}.
     */
    static double ksgTerm(boolean algorithm1, int k, double psiK, double psiN, int nx, int ny) {
        return algorithm1 ? psiK + psiN - digamma(nx + 1) - digamma(ny + 1)
                : psiK - 1.0 / k + psiN - digamma(nx) - digamma(ny);
    }

    /** Checks n >= 2 and 1 <= k <= n - 1. */
    static void requireK(String estimator, int n, int k) {
        if (n < 2) {
            throw Checks.fail("%s needs at least 2 samples, got n = %d", estimator, n);
        }
        if (k >= n) {
            throw Checks.fail("%s: k = %d must be smaller than the number of samples n = %d", estimator, k, n);
        }
    }

    /**
     * A row-major copy of {@code s}; with {@code standardize} each column is centred and scaled to unit
     * standard deviation; then uniform noise of half-width {@code noise} times the column's (scaled)
     * standard deviation is added from stream {@code stream} of {@code seed}. The caller's data is never
     * modified.
     */
    static double[] prepare(Samples s, String name, boolean standardize, double noise, long seed, int stream) {
        int n = s.n();
        int d = s.dim();
        double[] out = s.toRowMajor();
        // constant columns cannot be scaled, nor (without noise) have distinct neighbours; overflowing ones
        // cannot be scaled either
        double[] sd = standardize || noise == 0 ? s.requireVaryingColumns(name) : s.requireFiniteSpread(name);
        double[] mean = s.means();
        // one pass: scaling then noise per value (the same operations, in the same order, as two passes)
        UniformRandomProvider rng = noise > 0 ? Seeds.rng(seed, RandomStream.KNN_NOISE, stream) : null;
        double[] amp = new double[d]; // noise half-width per column, in the units of the output
        for (int j = 0; j < d; j++) {
            amp[j] = noise * (standardize ? 1.0 : sd[j]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = standardize ? (out[i * d + j] - mean[j]) / sd[j] : out[i * d + j];
                out[i * d + j] = rng != null ? v + amp[j] * (2 * rng.nextDouble() - 1) : v;
            }
        }
        return out;
    }

    /**
     * {@link #prepare} of several blocks concurrently on up to {@code threads} threads, block {@code b} from
     * noise stream {@code b}; a failure is reported for the first failing block in order.
     */
    static double[][] prepareAll(Samples[] blocks, String[] names, boolean standardize, double noise, long seed,
            int threads) {
        double[][] out = new double[blocks.length][];
        Parallel.forTasks(blocks.length, threads,
                b -> out[b] = prepare(blocks[b], names[b], standardize, noise, seed, b));
        return out;
    }

    /** Row-major {@code [n, sum d]} concatenation of row-major blocks. */
    static double[] concat(int n, double[][] blocks, int[] dims) {
        int total = 0;
        for (int d : dims) {
            total += d;
        }
        double[] out = new double[n * total];
        for (int i = 0; i < n; i++) {
            int o = i * total;
            for (int b = 0; b < blocks.length; b++) {
                System.arraycopy(blocks[b], i * dims[b], out, o, dims[b]);
                o += dims[b];
            }
        }
        return out;
    }

    /**
     * Adds to {@code estimate} (of {@code value} nats) how to read a value below 0: the k-NN estimators are
     * not bounded below, and true MI is never negative, so a negative value is scatter around 0, read as "no
     * detectable dependence" (the value is kept raw so that averages over repeats stay unbiased).
     */
    static MIEstimate.Builder noteBelowZero(MIEstimate.Builder estimate, double value) {
        if (value < 0) {
            estimate.diagnostic(Checks.format("estimate %.4g nats is below 0: true MI is never negative, so read "
                    + "it as 0 within the estimator's scatter (no detectable dependence); the raw value is kept",
                    value));
        }
        return estimate;
    }

    /** Mean of {@code v} summed in index order. */
    static double mean(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s / v.length;
    }
}
