package io.mist.estimators.nn.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.MIEstimate;
import io.mist.core.NeuralEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.train.Evaluation;
import io.mist.train.FitResult;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;
import io.mist.train.internal.EngineThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The one fit-and-evaluate flow of every trained estimator (discriminative, generative, hybrid): standardise
 * with the training rows' statistics, train a fresh {@link NeuralEstimator} from the seed with {@link Trainer}
 * (validation split, early stopping with restore-best), and report the value on rows that played no part in
 * training: {@code folds}-fold {@link CrossFitting} (the default), or one fit measured on the test data, else
 * on the validation split (which also chose the checkpoint), else on all data with a diagnostic.
 *
 * @param name the registered name, used in results and messages
 * @param boundType the direction of the value (named in the diagnostics)
 * @param train the training settings (their seed is the seed of the estimate)
 * @param standardize whether inputs are standardised per column with the training rows' statistics
 * @param folds cross-fitting folds (1 = one fit)
 */
public record TrainedFit(String name, BoundType boundType, TrainConfig train, boolean standardize, int folds) {
    /** Builds the fresh network of one fit. */
    @FunctionalInterface
    public interface Factory {
        /**
         * A network for {@code dx}- and {@code dy}-dimensional inputs, initialised from {@code seed}, with its
         * parameters in {@code manager}; {@code sy} is the standardisation of y in this fit (null when inputs
         * are not standardised), for estimators whose value depends on the units of y (a given entropy).
         */
        NeuralEstimator create(int dx, int dy, ColumnScaling sy, NDManager manager, long seed);

        /**
         * As {@link #create(int, int, ColumnScaling, NDManager, long)}, for networks that also need the
         * (standardised) rows they are fitted on, e.g. to fit reference distributions or a quantizer on them.
         */
        default NeuralEstimator create(PairedData training, int dx, int dy, ColumnScaling sy, NDManager manager,
                long seed) {
            return create(dx, dy, sy, manager, seed);
        }

        /**
         * A diagnostic about {@code net} after its evaluation on the held-out rows {@code held} with batches of
         * {@code batch}, or null (the default).
         */
        default String afterEvaluation(NeuralEstimator net, PairedData held, int batch) {
            return null;
        }
    }

    /**
     * What a run gives: the result being built, its value, and the smallest evaluation batch used (for
     * estimators whose value is capped by it).
     *
     * @param result the result, without its timing
     * @param value the estimate
     * @param evalBatch the smallest evaluation batch
     */
    public record Outcome(MIEstimate.Builder result, double value, int evalBatch) {
    }

    /** Validates the settings. */
    public TrainedFit {
        Checks.notNull("name", name);
        Checks.notNull("boundType", boundType);
        Checks.notNull("train", train);
        Checks.atLeast("folds", folds, 1);
    }

    /** Trains and evaluates on {@code rows} with networks from {@code factory}. */
    public Outcome run(TrainingRows rows, Factory factory) {
        return run(rows, factory, null);
    }

    /**
     * Trains and evaluates on {@code rows} with networks from {@code factory}; a cross-fitted result gets the
     * diagnostic {@code errorBarNote(value, standardError)} after its standard error (null: none).
     */
    public Outcome run(TrainingRows rows, Factory factory, BiFunction<Double, Double, String> errorBarNote) {
        EngineThreads.request(train.threads()); // before the first touch of the engine in this JVM
        Device device = train.device().resolve();
        return train.testData().isPresent() || folds == 1 ? singleFit(rows, factory, device)
                : crossFit(rows, factory, device, errorBarNote);
    }

    private long seed() {
        return train.seed();
    }

    /** One fit on all rows; the value on the test data if given, else on the validation split. */
    private Outcome singleFit(TrainingRows rows, Factory factory, Device device) {
        TrainConfig tc = train;
        int[] trainRows = Trainer.split(rows.n(), tc)[0];
        ColumnScaling[] s = standardize ? rows.statistics(trainRows) : null;
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
                NeuralEstimator net = factory.create(data, rows.dx(), rows.dy(), sy, manager, seed())) {
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
            MIEstimate.Builder r = MIEstimate.builder(name, ev.value()).shape(rows.n(), rows.dx(), rows.dy())
                    .seed(seed()).pointwise(p)
                    .history(fit.history()).uncertaintyScheme(ResamplingScheme.NONE).standardError(vs[1]);
            r.diagnostic(Checks.format("%s (%s bound): %d iterations (%s), %.0f it/s; value on %s (%d rows); "
                    + "standard error %.4f from the spread of its per-row values", name, boundName(),
                    fit.iterations(), stopName(fit), fit.iterationsPerSecond(), where == null ? "all data" : where,
                    held.size(), vs[1]));
            if (where == null) {
                r.diagnostic("no held-out data (valid_percentage = 0): the value is measured on the training data "
                        + "and may be optimistic");
            }
            fit.diagnostics().forEach(r::diagnostic);
            String note = factory.afterEvaluation(net, held, evalBatch);
            if (note != null) {
                r.diagnostic(note);
            }
            return new Outcome(r, ev.value(), evalBatch);
        }
    }

    /**
     * {@link CrossFitting}: for each of {@code folds} folds, a fresh network trained (with its validation split
     * and stopping rule) on the other folds, standardised with their statistics, evaluated on this fold.
     */
    private Outcome crossFit(TrainingRows rows, Factory factory, Device device,
            BiFunction<Double, Double, String> errorBarNote) {
        int k = folds;
        int n = rows.n();
        int[] fold = CrossFitting.assign(n, k, seed());
        double[] pointwise = new double[n];
        StringBuilder foldValues = new StringBuilder();
        List<String> notes = new ArrayList<>();
        int minEvalBatch = Integer.MAX_VALUE;
        FitResult last = null;
        long iterations = 0;
        double seconds = 0;
        for (int j = 0; j < k; j++) {
            int[] trainRows = CrossFitting.rows(fold, j, false);
            int[] heldRows = CrossFitting.rows(fold, j, true);
            TrainConfig.Builder fb = train.toBuilder().seed(Seeds.derive(seed(), RandomStream.CROSS_FIT_FOLD, j));
            ColumnScaling[] s = standardize ? rows.statistics(trainRows) : null;
            ColumnScaling sx = s == null ? null : s[0];
            ColumnScaling sy = s == null ? null : s[1];
            if (sx != null) {
                train.validationData().ifPresent(d -> fb.validationData(ColumnScaling.view(d, sx, sy)));
            }
            TrainConfig ftc = fb.build();
            PairedData training = rows.subset(trainRows, sx, sy);
            try (NDManager manager = NDManager.newBaseManager(device);
                    NeuralEstimator net = factory.create(training, rows.dx(), rows.dy(), sy, manager, ftc.seed())) {
                FitResult fit = fitOrThrow(net, training, ftc);
                int evalBatch = Math.max(2, Math.min(train.effectiveEvalBatchSize(), heldRows.length));
                minEvalBatch = Math.min(minEvalBatch, evalBatch);
                PairedData held = rows.subset(heldRows, sx, sy);
                Evaluation ev = Trainer.evaluate(net, held, evalBatch);
                double[] p = ev.pointwise();
                for (int i = 0; i < heldRows.length; i++) {
                    pointwise[heldRows[i]] = p[i];
                }
                foldValues.append(j == 0 ? "" : ", ").append(Checks.format("%.4f (%d it, %s)", ev.value(),
                        fit.iterations(), stopName(fit)));
                for (String d : fit.diagnostics()) {
                    notes.add("fold " + (j + 1) + ": " + d);
                }
                String note = factory.afterEvaluation(net, held, evalBatch);
                if (note != null) {
                    notes.add("fold " + (j + 1) + ": " + note);
                }
                iterations += fit.iterations();
                seconds += fit.seconds();
                last = fit;
            }
        }
        double[] v = CrossFitting.combine(pointwise, fold, k);
        MIEstimate.Builder r = MIEstimate.builder(name, v[0]).shape(n, rows.dx(), rows.dy()).seed(seed())
                .pointwise(pointwise)
                .history(last.history()).uncertaintyScheme(ResamplingScheme.CROSS_FITTING).standardError(v[1]);
        r.diagnostic(Checks.format("%s (%s bound): value on all %d rows by %d-fold cross-fitting: each fold's value "
                + "from a network trained, and its checkpoint chosen, on the other folds only; fold values %s; "
                + "%d iterations in all, %.0f it/s; inputs %s", name, boundName(), n, k, foldValues, iterations,
                iterations / Math.max(seconds, 1e-9), standardize
                        ? "standardised with each fold's training statistics" : "not standardised"));
        r.diagnostic(Checks.format("standard error %.4f = max(per-row spread %.4f, fold spread %.4f)", v[1], v[2],
                v[3]));
        if (errorBarNote != null) {
            r.diagnostic(errorBarNote.apply(v[0], v[1]));
        }
        notes.forEach(r::diagnostic);
        return new Outcome(r, v[0], minEvalBatch);
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
}
