package io.mist.estimators.discriminative;

import io.mist.core.BoundType;
import io.mist.core.MIEstimate;
import io.mist.core.PairedDataEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.data.PairedData;

/**
 * The one-call form of an estimator that trains its own networks ({@link DiscriminativeEstimator.Networks})
 * the way the discriminative estimators do: the training, standardisation, held-out value and cross-fitting
 * of {@link DiscriminativeEstimator}, under its own name. Subclasses (MI-NEE, PQ) only say what they train.
 * Immutable and thread-safe.
 */
public abstract class NetworkEstimator implements PairedDataEstimator {
    private final DiscriminativeEstimator fit;

    /**
     * An estimator named {@code name} that trains {@code networks} with the training and measurement settings
     * of {@code settings}.
     */
    protected NetworkEstimator(DiscriminativeConfig settings, String name, BoundType boundType,
            DiscriminativeEstimator.Networks networks) {
        this.fit = new DiscriminativeEstimator(settings, name, boundType, networks);
    }

    @Override
    public final String name() {
        return fit.name();
    }

    @Override
    public final long seed() {
        return fit.seed();
    }

    @Override
    public final ResamplingScheme resamplingScheme() {
        return fit.resamplingScheme();
    }

    @Override
    public final MIEstimate estimate(Samples x, Samples y) {
        return fit.estimate(x, y);
    }

    @Override
    public final MIEstimate estimate(PairedData data) {
        return fit.estimate(data);
    }
}
