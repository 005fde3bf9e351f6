package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A baseline {@code b} for the baseline-form bounds: a function of the batch's x and of the critic's
 * negative scores. Baselines of x alone (constant, learned scalar, a network of x) are
 * {@link InputBaseline}s; a statistic of the negatives (their log-mean-exp) implements this interface
 * directly.
 */
public interface Baseline {
    /**
     * Baseline values {@code [B]} for a batch of x whose critic scored the negatives {@code negatives}
     * ({@code [M, B]}, entry {@code (m, i) = f(x_i, y'_m)}).
     */
    NDArray value(NDArray x, NDArray negatives);

    /** The trainable parameters (empty for a constant). */
    default NDList parameters() {
        return new NDList();
    }
}
