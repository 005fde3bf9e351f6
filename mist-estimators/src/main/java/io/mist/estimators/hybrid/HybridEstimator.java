package io.mist.estimators.hybrid;

import io.mist.core.MIEstimate;
import io.mist.core.PairedDataEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.estimators.generative.Generative;
import io.mist.estimators.generative.EntropyOfY;
import io.mist.estimators.generative.GenerativeEstimator;
import io.mist.estimators.nn.internal.TrainedFit;
import io.mist.estimators.nn.internal.TrainingRows;

/**
 * {@code hybrid-resampled} as a one-call estimator ({@link HybridNeuralEstimator} for the formula and paper): fresh
 * parts from the seed, trained together by the library's trainer through the same flow as the other trained
 * estimators (standardised inputs, 5-fold cross-fitting with its standard error by default). Its value is neither a
 * lower nor an upper bound unless both parts are lower bounds (ba with a lower discriminative bound). ba's
 * {@code H(Y)}: as {@link GenerativeEstimator}.
 *
 * <p>Immutable and thread-safe; native memory is released before returning.
 */
public final class HybridEstimator implements PairedDataEstimator {
    private final HybridConfig config;

    /** An estimator with {@code config}, seeded by its training seed. */
    public HybridEstimator(HybridConfig config) {
        this.config = Checks.notNull("config", config);
    }

    @Override
    public String name() {
        return HybridProvider.NAME;
    }

    @Override
    public long seed() {
        return config.discriminative().train().seed();
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        TrainingRows rows = TrainingRows.checked(x, y);
        return estimate(rows, config.generative().kind() == Generative.BA ? EntropyOfY.of(config.generative(), y)
                : null);
    }

    @Override
    public MIEstimate estimate(PairedData data) {
        TrainingRows rows = TrainingRows.checked(data);
        return estimate(rows, config.generative().kind() == Generative.BA ? EntropyOfY.of(config.generative(),
                TrainingRows.y(data)) : null);
    }

    private MIEstimate estimate(TrainingRows rows, EntropyOfY entropy) {
        long t0 = System.nanoTime();
        double h = entropy == null ? 0 : entropy.value();
        TrainedFit.Outcome o = new TrainedFit(name(), io.mist.core.BoundType.NEITHER,
                config.discriminative().train(), config.discriminative().standardize(),
                config.discriminative().folds())
                .run(rows, (dx, dy, sy, manager, s) -> HybridNeuralEstimator.create(config, dx, dy,
                        sy == null ? h : h - sy.logScaleSum(), manager, s));
        o.result().diagnostic(Checks.format("hybrid of %s (negatives: %d per x drawn from %s's q(y|x)) and %s",
                config.discriminative().bound().id(), config.negatives(), config.generative().kind().id(),
                config.generative().kind().id()));
        if (entropy != null) {
            o.result().diagnostic(entropy.note());
        }
        return o.result().seconds((System.nanoTime() - t0) / 1e9).build();
    }
}
