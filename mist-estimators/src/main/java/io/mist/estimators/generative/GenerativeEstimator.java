package io.mist.estimators.generative;

import io.mist.core.MIEstimate;
import io.mist.core.PairedDataEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.estimators.nn.internal.TrainedFit;
import io.mist.estimators.nn.internal.TrainingRows;

/**
 * A generative neural estimator ({@link Generative}: ba, doe, gm, club, l1out) as a one-call estimator: each
 * {@link #estimate} fits fresh densities from the seed by maximum likelihood with the library's trainer and
 * reports the value on rows that played no part in the fit, through the same flow as the discriminative
 * estimators (inputs standardised with the training rows' statistics; {@code folds}-fold cross-fitting with its
 * standard error by default, or one fit measured on the test data or the validation split). The formulas, bound
 * directions and papers are in {@link Generative}.
 *
 * <p>BA needs {@code H(Y)}: the {@code entropy_y} option (in the data's units; each fit converts it to the units of
 * its standardised y by subtracting {@code sum_j log sd_j}), else the Kozachenko-Leonenko estimate ({@code k = 3})
 * of all rows' y, named in the diagnostics.
 *
 * <p>Immutable and thread-safe (each call owns its networks); native memory is released before returning.
 */
public final class GenerativeEstimator implements PairedDataEstimator {
    private final GenerativeConfig config;

    /** An estimator with {@code config}, seeded by its training seed. */
    public GenerativeEstimator(GenerativeConfig config) {
        this.config = Checks.notNull("config", config);
    }

    /** The config. */
    public GenerativeConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.kind().id();
    }

    @Override
    public long seed() {
        return config.train().seed();
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        return estimate(TrainingRows.checked(x, y), () -> y);
    }

    @Override
    public MIEstimate estimate(PairedData data) {
        return estimate(TrainingRows.checked(data), () -> TrainingRows.y(data));
    }

    private MIEstimate estimate(TrainingRows rows, java.util.function.Supplier<Samples> ys) {
        long t0 = System.nanoTime();
        EntropyOfY entropy = config.kind() == Generative.BA ? EntropyOfY.of(config, ys.get()) : null;
        double h = entropy == null ? 0 : entropy.value();
        TrainedFit.Outcome o = new TrainedFit(name(), config.kind().boundType(), config.train(),
                config.standardize(), config.folds())
                .run(rows, (dx, dy, sy, manager, s) -> GenerativeNeuralEstimator.create(config, dx, dy,
                        sy == null ? h : h - sy.logScaleSum(), manager, s));
        if (entropy != null) {
            o.result().diagnostic(entropy.note());
        }
        return o.result().seconds((System.nanoTime() - t0) / 1e9).build();
    }
}
