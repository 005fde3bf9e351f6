package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** A baseline {@code b(x)} for the baseline-form bounds (constant, learned scalar or a network of x). */
public interface Baseline {
    /** Baseline values {@code [B]} for a batch of x. */
    NDArray value(NDArray x);

    /** The trainable parameters (empty for a constant). */
    default NDList parameters() {
        return new NDList();
    }
}
