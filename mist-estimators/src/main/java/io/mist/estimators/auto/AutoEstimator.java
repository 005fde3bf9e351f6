package io.mist.estimators.auto;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.registry.EstimatorRegistry;
import io.mist.uncertainty.Uncertainty;

import java.util.Map;

/**
 * The default estimator: chooses one registered estimator from the data and returns its estimate with a
 * standard error, naming the choice and the reason in the diagnostics. The rule (evidence in
 * docs/estimators.md):
 * <ol>
 *   <li>every column of x and y integer-valued: {@code discrete} (plug-in with the Miller-Madow correction),
 *       bootstrap error;</li>
 *   <li>some integer-valued columns: {@code ksg-mixed} (Gao et al. 2017), subsampling error;</li>
 *   <li>continuous with {@code dx + dy <= } {@link #MAX_KSG_DIMS}: {@code ksg} (Kraskov et al. 2004), whose
 *       bias is small in few dimensions, subsampling error (Holmes and Nemenman 2019);</li>
 *   <li>otherwise: {@code smile} (Song and Ermon 2020) with its defaults, i.e. standardised inputs and
 *       5-fold cross-fitting, whose standard error comes with the estimate; k-NN estimators are biased
 *       low by 15-25 % in 5+5 dimensions.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class AutoEstimator implements MutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "auto";
    /** Largest {@code dx + dy} for which continuous data goes to {@code ksg}. */
    public static final int MAX_KSG_DIMS = 4;
    /** Default number of resampling rounds for the chosen estimator's standard error. */
    public static final int DEFAULT_REPLICATES = 10;

    private final int replicates;
    private final int threads;
    private final Map<String, String> neuralOptions;
    private final long seed;

    /**
     * An auto estimator.
     *
     * @param replicates resampling rounds for estimators without their own error (at least 2)
     * @param threads worker threads for those rounds (at least 1)
     * @param neuralOptions options passed to the neural estimator when it is chosen (e.g. a progress bar)
     * @param seed seed of the chosen estimator and of the resampling
     */
    public AutoEstimator(int replicates, int threads, Map<String, String> neuralOptions, long seed) {
        this.replicates = Checks.atLeast("replicates", replicates, 2);
        this.threads = Checks.atLeast("threads", threads, 1);
        this.neuralOptions = Map.copyOf(neuralOptions);
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    /** The name of the estimator {@code auto} uses for these data, and why. */
    public static String[] choose(Samples x, Samples y) {
        int intX = integerColumns(x);
        int intY = integerColumns(y);
        int d = x.dim() + y.dim();
        if (intX == x.dim() && intY == y.dim()) {
            return new String[] {"discrete", "every column is integer-valued"};
        }
        if (intX + intY > 0) {
            return new String[] {"ksg-mixed", Checks.format("%d of %d columns are integer-valued (discrete)",
                    intX + intY, d)};
        }
        if (d <= MAX_KSG_DIMS) {
            return new String[] {"ksg", Checks.format("continuous, dx + dy = %d <= %d: k-NN bias is small in few "
                    + "dimensions", d, MAX_KSG_DIMS)};
        }
        return new String[] {"smile", Checks.format("continuous, dx + dy = %d > %d: k-NN estimators are biased "
                + "low in many dimensions; a cross-fitted neural estimate is used", d, MAX_KSG_DIMS)};
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        long t0 = System.nanoTime();
        String[] choice = choose(x, y);
        Map<String, String> options = choice[0].equals("smile") ? neuralOptions : Map.of();
        MutualInformationEstimator chosen = EstimatorRegistry.global().create(choice[0], options, seed);
        MIEstimate r = chosen.estimate(x, y);
        if (!r.hasStandardError()) {
            r = Uncertainty.withStandardError(chosen, x, y, r, replicates, seed, threads);
        }
        return r.toBuilder().diagnostic(Checks.format("auto chose %s: %s (n = %d, dx = %d, dy = %d)", choice[0],
                choice[1], x.n(), x.dim(), y.dim())).seconds((System.nanoTime() - t0) / 1e9).build();
    }

    private static int integerColumns(Samples s) {
        if (s.isDiscrete()) {
            return s.dim();
        }
        int count = 0;
        for (int j = 0; j < s.dim(); j++) {
            boolean integral = true;
            for (int i = 0; i < s.n() && integral; i++) {
                double v = s.get(i, j);
                integral = v == Math.rint(v);
            }
            if (integral) {
                count++;
            }
        }
        return count;
    }
}
