package io.mist.estimators.discriminative;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.NeuralEstimator;
import io.mist.core.PairedDataEstimator;
import io.mist.core.internal.RandomStream;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.train.internal.EngineThreads;
import io.mist.train.Evaluation;
import io.mist.train.FitResult;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;

import java.util.Locale;

/**
 * A discriminative neural estimator as a one-call {@link MutualInformationEstimator}: each
 * {@link #estimate} builds a fresh critic from the seed, trains it with {@link Trainer} (validation split,
 * early stopping with restore-best) and reports the estimate on held-out data: the test data of the
 * training config if given, else the validation split (also used for early stopping, so slightly
 * optimistic), else all data with a diagnostic. Pointwise values are those of the held-out rows. The
 * formulas, bound types and references are in {@link Bound}.
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
        this.name = name;
        this.boundType = boundType;
        this.networks = networks;
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
        Checks.sameRows("x", x, "y", y);
        x.requireRows("x", 4, "a neural estimator needs training and validation pairs");
        return estimate(TrainingRows.of(x, y));
    }

    /**
     * Trains on {@code data} read in batches (streamed from disk when {@code data} is), exactly as
     * {@link #estimate(Samples, Samples)} does: the same split, folds, standardisation (statistics of the
     * training rows, read in a pass over them) and evaluation; only the rows read at a time are in memory.
     */
    @Override
    public MIEstimate estimate(PairedData data) {
        Checks.notNull("data", data);
        if (data.size() < 4) {
            throw Checks.fail("data has %d samples, but at least 4 are needed (a neural estimator needs training "
                    + "and validation pairs)", data.size());
        }
        return estimate(TrainingRows.of(data));
    }

    private MIEstimate estimate(TrainingRows rows) {
        long t0 = System.nanoTime();
        TrainConfig tc = config.train();
        EngineThreads.request(tc.threads()); // before the first touch of the engine in this JVM
        Device device = tc.device().resolve();
        MIEstimate.Builder r = tc.testData().isPresent() || config.folds() == 1 ? singleFit(rows, tc, device)
                : crossFit(rows, tc, device);
        return r.seconds((System.nanoTime() - t0) / 1e9).build();
    }

    /** One fit on all rows; the value on the test data if given, else on the validation split. */
    private MIEstimate.Builder singleFit(TrainingRows rows, TrainConfig tc, Device device) {
        int[] trainRows = Trainer.split(rows.n(), tc)[0];
        ColumnScaling[] s = config.standardize() ? rows.statistics(trainRows) : null;
        ColumnScaling sx = s == null ? null : s[0];
        ColumnScaling sy = s == null ? null : s[1];
        if (sx != null) {
            TrainConfig.Builder b = tc.toBuilder();
            tc.testData().ifPresent(d -> b.testData(ColumnScaling.view(d, sx, sy)));
            tc.validationData().ifPresent(d -> b.validationData(ColumnScaling.view(d, sx, sy)));
            tc = b.build();
        }
        PairedData data = rows.all(sx, sy);
        try (NDManager manager = NDManager.newBaseManager(device);
                NeuralEstimator net = networks.create(data, rows.dx(), rows.dy(), manager, seed)) {
            FitResult fit = fitOrThrow(net, data, tc);
            PairedData held;
            String where;
            if (tc.testData().isPresent()) {
                held = tc.testData().get();
                where = "test data";
            } else if (fit.validation().isPresent()) {
                held = fit.validation().get();
                where = "the validation split, which also chose the checkpoint (slightly optimistic; folds > 1 "
                        + "measures on rows that played no part)";
            } else {
                held = data;
                where = null;
            }
            int evalBatch = Math.max(2, Math.min(tc.effectiveEvalBatchSize(), held.size()));
            Evaluation ev = Trainer.evaluate(net, held, evalBatch);
            double[] p = ev.pointwise();
            double[] vs = CrossFitting.combine(p, new int[p.length], 1);
            MIEstimate.Builder r = MIEstimate.builder(name(), ev.value()).shape(rows.n(), rows.dx(), rows.dy())
                    .seed(seed).pointwise(p)
                    .history(fit.history()).uncertaintyScheme(ResamplingScheme.NONE).standardError(vs[1]);
            r.diagnostic(Checks.format("%s (%s bound): %d iterations (%s), %.0f it/s; value on %s (%d rows); "
                    + "standard error %.4f from the spread of its per-row values", name(), boundName(),
                    fit.iterations(), stopName(fit), fit.iterationsPerSecond(), where == null ? "all data" : where,
                    held.size(), vs[1]));
            if (where == null) {
                r.diagnostic("no held-out data (valid_percentage = 0): the value is measured on the training data "
                        + "and may be optimistic");
            }
            fit.diagnostics().forEach(r::diagnostic);
            String note = networks.afterEvaluation(net, held, evalBatch);
            if (note != null) {
                r.diagnostic(note);
            }
            ceilingNote(r, ev.value(), evalBatch);
            return r;
        }
    }

    /**
     * {@link CrossFitting}: for each of {@code folds} folds, a fresh critic trained (with its validation split
     * and stopping rule) on the other folds, standardised with their statistics, evaluated on this fold.
     */
    private MIEstimate.Builder crossFit(TrainingRows rows, TrainConfig tc, Device device) {
        int k = config.folds();
        int n = rows.n();
        int[] fold = CrossFitting.assign(n, k, seed);
        double[] pointwise = new double[n];
        StringBuilder folds = new StringBuilder();
        java.util.List<String> notes = new java.util.ArrayList<>();
        int minEvalBatch = Integer.MAX_VALUE;
        FitResult last = null;
        long iterations = 0;
        double seconds = 0;
        for (int j = 0; j < k; j++) {
            int[] trainRows = CrossFitting.rows(fold, j, false);
            int[] heldRows = CrossFitting.rows(fold, j, true);
            TrainConfig.Builder fb = tc.toBuilder().seed(Seeds.derive(seed, RandomStream.CROSS_FIT_FOLD, j));
            ColumnScaling[] s = config.standardize() ? rows.statistics(trainRows) : null;
            ColumnScaling sx = s == null ? null : s[0];
            ColumnScaling sy = s == null ? null : s[1];
            if (sx != null) {
                tc.validationData().ifPresent(d -> fb.validationData(ColumnScaling.view(d, sx, sy)));
            }
            TrainConfig ftc = fb.build();
            PairedData training = rows.subset(trainRows, sx, sy);
            try (NDManager manager = NDManager.newBaseManager(device);
                    NeuralEstimator net = networks.create(training, rows.dx(), rows.dy(), manager, ftc.seed())) {
                FitResult fit = fitOrThrow(net, training, ftc);
                int evalBatch = Math.max(2, Math.min(tc.effectiveEvalBatchSize(), heldRows.length));
                minEvalBatch = Math.min(minEvalBatch, evalBatch);
                PairedData held = rows.subset(heldRows, sx, sy);
                Evaluation ev = Trainer.evaluate(net, held, evalBatch);
                double[] p = ev.pointwise();
                for (int i = 0; i < heldRows.length; i++) {
                    pointwise[heldRows[i]] = p[i];
                }
                folds.append(j == 0 ? "" : ", ").append(Checks.format("%.4f (%d it, %s)", ev.value(),
                        fit.iterations(), stopName(fit)));
                for (String d : fit.diagnostics()) {
                    notes.add("fold " + (j + 1) + ": " + d);
                }
                String note = networks.afterEvaluation(net, held, evalBatch);
                if (note != null) {
                    notes.add("fold " + (j + 1) + ": " + note);
                }
                iterations += fit.iterations();
                seconds += fit.seconds();
                last = fit;
            }
        }
        double[] v = CrossFitting.combine(pointwise, fold, k);
        MIEstimate.Builder r = MIEstimate.builder(name(), v[0]).shape(n, rows.dx(), rows.dy()).seed(seed)
                .pointwise(pointwise)
                .history(last.history()).uncertaintyScheme(ResamplingScheme.CROSS_FITTING).standardError(v[1]);
        r.diagnostic(Checks.format("%s (%s bound): value on all %d rows by %d-fold cross-fitting: each fold's value "
                + "from a critic trained, and its checkpoint chosen, on the other folds only; fold values %s; "
                + "%d iterations in all, %.0f it/s; inputs %s", name(), boundName(), n, k, folds, iterations,
                iterations / Math.max(seconds, 1e-9), config.standardize()
                        ? "standardised with each fold's training statistics" : "not standardised"));
        r.diagnostic(Checks.format("standard error %.4f = max(per-row spread %.4f, fold spread %.4f)", v[1], v[2],
                v[3]));
        r.diagnostic(errorBarNote(v[0], v[1]));
        notes.forEach(r::diagnostic);
        ceilingNote(r, v[0], minEvalBatch);
        return r;
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
                + "noise), not for its bias, which for %s at these defaults was negative and shrinks with n "
                + "(measured coverage in docs/estimators.md)", name());
    }

    private FitResult fitOrThrow(NeuralEstimator net, PairedData data, TrainConfig tc) {
        FitResult fit = Trainer.fit(net, data, tc);
        if (fit.diverged() && !fit.restoredBest()) {
            throw new TrainingDivergedException(name + ": " + String.join("; ", fit.diagnostics()), fit);
        }
        return fit;
    }

    private String boundName() {
        return boundType.name().toLowerCase(Locale.ROOT);
    }

    private static String stopName(FitResult fit) {
        return fit.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
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
