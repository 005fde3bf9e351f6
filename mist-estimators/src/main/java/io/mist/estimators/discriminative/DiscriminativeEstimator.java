package io.mist.estimators.discriminative;

import io.mist.core.BoundType;
import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.PairedDataEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.data.PairedData;
import io.mist.estimators.nn.internal.TrainedFit;
import io.mist.estimators.nn.internal.TrainingRows;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;

/**
 * A discriminative neural estimator as a one-call {@link MutualInformationEstimator}: each
 * {@link #estimate} builds a fresh critic from the seed, trains it with {@link Trainer} (validation split,
 * early stopping with restore-best) and reports the estimate on held-out data: the test data of the
 * training config if given, else the validation split (also used for early stopping, so slightly
 * optimistic), else all data with a diagnostic. Pointwise values are those of the held-out rows. The
 * formulas, bound types and references are in {@link Bound}. The flow (standardisation, cross-fitting, the
 * held-out value and its standard error) is the one all trained estimators share.
 *
 * <p>Immutable and thread-safe (each call owns its network); native memory is released before returning.
 * A run whose loss turns NaN or infinite before any finite validation value throws
 * {@link TrainingDivergedException}; a later divergence reports the best earlier parameters with a
 * diagnostic.
 */
public final class DiscriminativeEstimator implements PairedDataEstimator {
    private final DiscriminativeConfig config;
    private final long seed;

    /** An estimator with {@code config}, seeded by its training seed ({@code config.train().seed()}). */
    public DiscriminativeEstimator(DiscriminativeConfig config) {
        this.config = Checks.notNull("config", config);
        this.seed = config.train().seed();
    }

    /** The config. */
    public DiscriminativeConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.bound().id();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        return estimate(TrainingRows.checked(x, y));
    }

    /**
     * Trains on {@code data} read in batches (streamed from disk when {@code data} is), exactly as
     * {@link #estimate(Samples, Samples)} does: the same split, folds, standardisation (statistics of the
     * training rows, read in a pass over them) and evaluation; only the rows read at a time are in memory.
     */
    @Override
    public MIEstimate estimate(PairedData data) {
        return estimate(TrainingRows.checked(data));
    }

    private MIEstimate estimate(TrainingRows rows) {
        long t0 = System.nanoTime();
        TrainedFit.Outcome o = new TrainedFit(name(), config.bound().boundType(), config.train(),
                config.standardize(), config.folds())
                .run(rows, (dx, dy, sy, manager, s) -> DiscriminativeNeuralEstimator.create(config, dx, dy, manager,
                        s), this::errorBarNote);
        ceilingNote(o.result(), o.value(), o.evalBatch());
        return o.result().seconds((System.nanoTime() - t0) / 1e9).build();
    }

    /**
     * What the cross-fitted error bar is for. The standard error measures the value's sampling and training
     * noise, which is what varies from one data set and seed to the next; it does not contain the bias of a
     * critic fitted to {@code (k - 1) / k} of the rows, whose bound lies below the true MI by the critic's gap.
     * Measured (docs/estimators.md, {@code CoverageBench}): {@code value +- 1.96 se} covers the mean over seeds
     * as often as it claims, but the truth less often, every miss below it; for a lower bound the one-sided
     * limit {@code value - 1.645 se} is the claim about the MI that holds.
     */
    private String errorBarNote(double value, double se) {
        if (config.bound().boundType() == BoundType.LOWER) {
            return Checks.format("the error bar is for the bound these critics reach (sampling and training noise), "
                    + "not for the MI itself: the MI lies above the bound by the critics' gap, which shrinks with n, "
                    + "so value - 1.645 se = %.4f is a one-sided 95%% lower limit on the MI and value +- 1.96 se can "
                    + "miss the MI from below (measured coverage in docs/estimators.md)", value - 1.645 * se);
        }
        return Checks.format("the error bar is for the expected value of this estimate (sampling and training "
                + "noise), not for its bias, which for %s at these defaults was negative and shrinks with n "
                + "(measured coverage in docs/estimators.md)", name());
    }

    private void ceilingNote(MIEstimate.Builder r, double value, int evalBatch) {
        if (config.bound() == Bound.INFONCE) {
            double ceiling = Math.log(evalBatch);
            r.diagnostic(Checks.format("InfoNCE cannot exceed log(batch) = %.4f nats%s", ceiling,
                    value > ceiling - 0.1 ? "; the estimate is at this ceiling, the true MI may be higher "
                            + "(use a larger batch_size or another estimator)" : ""));
        }
    }
}
