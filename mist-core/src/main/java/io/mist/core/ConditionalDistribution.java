package io.mist.core;

import ai.djl.ndarray.NDArray;

/** A learnable conditional density {@code q(y | x)}. */
public interface ConditionalDistribution {
    /** Log-density of each {@code y_i} given {@code x_i}, shape {@code [B]}. */
    NDArray logProb(NDArray y, NDArray x);
}
