package io.mist.core;

import ai.djl.ndarray.NDArray;

/** A {@link Baseline} that depends on x only, so it can be evaluated without the critic's negatives. */
public interface InputBaseline extends Baseline {
    /** Baseline values {@code [B]} for a batch of x. */
    NDArray value(NDArray x);

    /** {@link #value(NDArray)}: the negatives play no part. */
    @Override
    default NDArray value(NDArray x, NDArray negatives) {
        return value(x);
    }
}
