package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A conditional density {@code q(y | x)} with an exact log-density and seeded sampling: a Gaussian whose mean and
 * scale come from a network of x, a conditional normalizing flow, a conditional mixture, or a categorical
 * {@code q(k | x)} over quantized targets (then {@code y} holds class indices). Fitted by maximum likelihood
 * (minimising {@code -mean_i log q(y_i | x_i)}) with the library's trainer.
 *
 * <p>Arguments come in the library's order {@code (x, y)}: the condition first, as in {@link Critic}. Rows are
 * observations: {@code x} is {@code [B, dx]}, {@code y} is {@code [B, dy]}. Arrays returned are owned by the
 * manager of {@code x}; callers scope them. Implementations are device-agnostic.
 */
public interface ConditionalDistribution {
    /** The dimension {@code dy} of a target point. */
    int dim();

    /** The log-density {@code log q(y_i | x_i)} in nats of each pair of rows, shape {@code [B]}. */
    NDArray logProb(NDArray x, NDArray y);

    /**
     * One draw {@code y_i ~ q(. | x_i)} per row of {@code x}, shape {@code [B, dy]}; the same seed gives the same
     * draws. No gradient flows through the draws.
     */
    NDArray sample(NDArray x, long seed);

    /** The trainable parameters. */
    NDList parameters();
}
