package io.mist.estimators.discriminative;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import io.mist.core.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.train.EngineThreads;
import io.mist.train.Evaluation;
import io.mist.train.FitResult;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;
import io.mist.train.data.PairedData;

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
public final class DiscriminativeEstimator implements MutualInformationEstimator {
    private final DiscriminativeConfig config;
    private final long seed;

    /** An estimator with {@code config}, seeded by {@code seed}. */
    public DiscriminativeEstimator(DiscriminativeConfig config, long seed) {
        this.config = Checks.notNull("config", config);
        this.seed = seed;
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

    /** The device named by the config. */
    static Device device(String name) {
        switch (name) {
            case "gpu":
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw Checks.fail("device 'gpu' requested but the engine sees no GPU (use cpu or auto)");
                }
                return Device.gpu();
            case "auto":
                return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default:
                return Device.cpu();
        }
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        x.requireRows("x", 4, "a neural estimator needs training and validation pairs");
        long t0 = System.nanoTime();
        EngineThreads.request(config.train().threads()); // before the first touch of the engine in this JVM
        Device device = device(config.device());
        TrainConfig tc = config.train().toBuilder().seed(seed).device(device).build();
        try (NDManager manager = NDManager.newBaseManager(device);
                DiscriminativeNeuralEstimator net = DiscriminativeNeuralEstimator.create(config, x.dim(), y.dim(),
                        manager, seed)) {
            PairedData data = PairedData.of(x, y);
            FitResult fit = Trainer.fit(net, data, tc);
            if (fit.diverged() && !fit.restoredBest()) {
                throw new TrainingDivergedException(config.bound().id() + ": " + String.join("; ",
                        fit.diagnostics()), fit);
            }
            PairedData held;
            String where;
            if (tc.testData().isPresent()) {
                held = tc.testData().get();
                where = "test data";
            } else if (fit.validation().isPresent()) {
                held = fit.validation().get();
                where = "the validation split";
            } else {
                held = data;
                where = null;
            }
            int evalBatch = Math.min(tc.effectiveEvalBatchSize(), held.size());
            Evaluation ev = Trainer.evaluate(net, held, Math.max(2, evalBatch));
            MIEstimate.Builder r = MIEstimate.builder(name(), ev.value()).shape(x, y).seed(seed)
                    .pointwise(ev.pointwise()).history(fit.history()).uncertaintyScheme(ResamplingScheme.NONE);
            r.diagnostic(Checks.format("%s (%s bound): %d iterations (%s), %.0f it/s; value on %s (%d rows)",
                    name(), config.bound().boundType().name().toLowerCase(java.util.Locale.ROOT), fit.iterations(),
                    fit.stopReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    fit.iterationsPerSecond(), where == null ? "all data" : where, held.size()));
            if (where == null) {
                r.diagnostic("no held-out data (valid_percentage = 0): the value is measured on the training data "
                        + "and may be optimistic");
            }
            for (String d : fit.diagnostics()) {
                r.diagnostic(d);
            }
            if (config.bound() == Bound.INFONCE) {
                double ceiling = Math.log(evalBatch);
                r.diagnostic(Checks.format("InfoNCE cannot exceed log(batch) = %.4f nats%s", ceiling,
                        ev.value() > ceiling - 0.1 ? "; the estimate is at this ceiling, the true MI may be higher "
                                + "(use a larger batch_size or another estimator)" : ""));
            }
            return r.seconds((System.nanoTime() - t0) / 1e9).build();
        }
    }
}
