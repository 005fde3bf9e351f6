package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A critic {@code f(x, y)} scoring how likely a pair is to be drawn from the joint rather than the product
 * of marginals: joint ({@code f = MLP([x, y])}) or separable ({@code f = g(x)^T h(y)}).
 *
 * <p>Negatives are other y's of the same batch, addressed by cyclic shifts: shift {@code s} pairs
 * {@code x_i} with {@code y_((i + s) mod B)}; shift 0 is the positive pair. Batches are shuffled, so a
 * shift is a random pairing.
 */
public interface Critic {
    /** Scores of the positive pairs {@code f(x_i, y_i)}, shape {@code [B]}. */
    default NDArray positive(NDArray x, NDArray y) {
        return scores(x, y, new int[] {0}).squeeze(0);
    }

    /**
     * Scores {@code [R, B]} with entry {@code (r, i) = f(x_i, y_((i + shifts[r]) mod B))}, computed in one
     * batched operation.
     */
    NDArray scores(NDArray x, NDArray y, int[] shifts);

    /**
     * The whole score matrix {@code [B, B]} with entry {@code (j, i) = f(x_i, y_j)} (the positives on the
     * diagonal), computed in one batched operation.
     */
    NDArray allPairs(NDArray x, NDArray y);

    /** Whether {@code f(x, y) = g(x)^T h(y)} (then {@link #allPairs} costs one matrix product). */
    boolean separable();

    /** The trainable parameters. */
    NDList parameters();
}
