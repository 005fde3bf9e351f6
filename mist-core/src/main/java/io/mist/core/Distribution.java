package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A density {@code q(y)} over {@code R^d} with an exact log-density and seeded sampling: a learnable Gaussian,
 * a mixture, or a normalizing flow on a base distribution. The generative estimators fit it by maximum
 * likelihood (minimising {@code -mean_i log q(y_i)}) with the library's trainer.
 *
 * <p>Rows are observations: {@code y} is {@code [B, d]} float32. Arrays returned are owned by the manager of the
 * input (for {@link #sample}, by the given manager); callers scope them. Implementations are device-agnostic:
 * they run where their parameters and inputs live.
 */
public interface Distribution {
    /** The dimension {@code d} of a point. */
    int dim();

    /** The log-density {@code log q(y_i)} in nats of each row of {@code y} ({@code [B, d]}), shape {@code [B]}. */
    NDArray logProb(NDArray y);

    /**
     * {@code n} independent draws {@code [n, d]}, owned by {@code manager}; the same seed gives the same draws.
     * No gradient flows through the draws.
     */
    NDArray sample(NDManager manager, int n, long seed);

    /** The trainable parameters (empty for a fixed distribution). */
    NDList parameters();
}
