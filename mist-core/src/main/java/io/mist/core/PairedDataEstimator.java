package io.mist.core;

import io.mist.data.PairedData;

/**
 * An estimator that reads its data as {@link PairedData}, batch by batch, so the rows need not fit in memory
 * (the neural estimators, which train on mini-batches, as torch_mist does with a DataLoader). Estimators
 * that need every row at once (k-NN, histogram, Gaussian, GMM) do not implement it, and
 * {@link io.mist.EstimateMI.Request#estimate(PairedData)} names them in a one-line error.
 */
public interface PairedDataEstimator extends MutualInformationEstimator {
    /**
     * Estimates I(X;Y) from {@code data}, read in batches; the same rows as in-memory {@link Samples} give the
     * same result for the same seed.
     *
     * @throws IllegalArgumentException if the data is too small for the estimator
     */
    MIEstimate estimate(PairedData data);
}
