package io.mist.core;

import ai.djl.ndarray.NDArray;

/**
 * A critic {@code f(x, y)} scoring how likely a pair is to be drawn from the joint rather than the product
 * of marginals: joint ({@code f = MLP([x, y])}) or separable ({@code f = g(x)^T h(y)}).
 */
public interface Critic {
    /** Scores of the positive pairs {@code f(x_i, y_i)}, shape {@code [B]}. */
    NDArray positive(NDArray x, NDArray y);

    /**
     * Scores of every x against every negative y: {@code [M, B]} with entry {@code (m, i) = f(x_i, yNeg_m)},
     * computed in one batched operation.
     */
    NDArray negatives(NDArray x, NDArray yNeg);
}
