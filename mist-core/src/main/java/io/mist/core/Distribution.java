package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A learnable density {@code q(y)} (Gaussian, mixture, normalizing flow). */
public interface Distribution {
    /** Log-density of each row, shape {@code [B]}. */
    NDArray logProb(NDArray y);

    /** {@code n} samples drawn with the given seed, owned by {@code manager}. */
    NDArray sample(NDManager manager, int n, long seed);
}
