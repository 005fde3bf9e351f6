package io.mist.estimators.discriminative;

import io.mist.core.BoundType;
import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.NeuralEstimator;
import io.mist.core.PairedDataEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.data.PairedData;
import io.mist.estimators.nn.internal.ColumnScaling;
import io.mist.estimators.nn.internal.TrainedFit;
import io.mist.estimators.nn.internal.TrainingRows;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;

import ai.djl.ndarray.NDManager;

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
    /**
     * The networks an estimator of this shape trains: a fresh one per fit, made from the rows it is fitted
     * on (standardised when the config says so), and what it has to say after an evaluation pass.
     */
    public interface Networks {
        /** A fresh network for a fit on {@code training}, initialised from {@code seed}, in {@code manager}. */
        NeuralEstimator create(PairedData training, int dx, int dy, NDManager manager, long seed);

        /**
         * A diagnostic about {@code net} after {@link Trainer#evaluate} on the held-out rows {@code held} with
         * batches of {@code batch}, or null.
         */
        default String afterEvaluation(NeuralEstimator net, PairedData held, int batch) {
            return null;
        }
    }

    private final DiscriminativeConfig config;
    private final long seed;
    private final String name;
    private final BoundType boundType;
    private final Networks networks;

    /** An estimator with {@code config}, seeded by its training seed ({@code config.train().seed()}). */
    public DiscriminativeEstimator(DiscriminativeConfig config) {
        this(config, Checks.notNull("config", config).bound().id(), config.bound().boundType(),
                (data, dx, dy, m, s) -> DiscriminativeNeuralEstimator.create(config, dx, dy, m, s));
    }

    /**
     * An estimator named {@code name} that trains {@code networks} with the training, standardisation and
     * cross-fitting settings of {@code config} (its bound and critic settings unused).
     */
    public DiscriminativeEstimator(DiscriminativeConfig config, String name, BoundType boundType,
            Networks networks) {
        this.config = Checks.notNull("config", config);
        this.seed = config.train().seed();
        this.name = Checks.notNull("name", name);
        this.boundType = Checks.notNull("boundType", boundType);
        this.networks = Checks.notNull("networks", networks);
    }

    /** The config. */
    public DiscriminativeConfig config() {
        return config;
    }

    @Override
    public String name() {
        return name;
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
        TrainedFit.Factory factory = new TrainedFit.Factory() {
            @Override
            public NeuralEstimator create(int dx, int dy, ColumnScaling sy, NDManager manager, long s) {
                throw new IllegalStateException("networks are made from their training rows");
            }

            @Override
            public NeuralEstimator create(PairedData training, int dx, int dy, ColumnScaling sy,
                    NDManager manager, long s) {
                return networks.create(training, dx, dy, manager, s);
            }

            @Override
            public String afterEvaluation(NeuralEstimator net, PairedData held, int batch) {
                return networks.afterEvaluation(net, held, batch);
            }
        };
        TrainedFit.Outcome o = new TrainedFit(name, boundType, config.train(), config.standardize(), config.folds())
                .run(rows, factory, this::errorBarNote);
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
        if (boundType == BoundType.LOWER) {
            return Checks.format("the error bar is for the bound these critics reach (sampling and training noise), "
                    + "not for the MI itself: the MI lies above the bound by the critics' gap, which shrinks with n, "
                    + "so value - 1.645 se = %.4f is a one-sided 95%% lower limit on the MI and value +- 1.96 se can "
                    + "miss the MI from below (measured coverage in docs/estimators.md)", value - 1.645 * se);
        }
        return Checks.format("the error bar is for the expected value of this estimate (sampling and training "
                + "noise), not for its bias%s (measured coverage in docs/estimators.md)",
                name.equals(Bound.SMILE.id()) ? ", which for smile at these defaults was negative and shrinks with n"
                        : "");
    }

    private void ceilingNote(MIEstimate.Builder r, double value, int evalBatch) {
        if (name.equals(Bound.INFONCE.id())) {
            double ceiling = Math.log(evalBatch);
            r.diagnostic(Checks.format("InfoNCE cannot exceed log(batch) = %.4f nats%s", ceiling,
                    value > ceiling - 0.1 ? "; the estimate is at this ceiling, the true MI may be higher "
                            + "(use a larger batch_size or another estimator)" : ""));
        }
    }
}
