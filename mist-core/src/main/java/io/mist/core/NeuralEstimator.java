package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A trainable variational estimator in the shape of torch_mist (Molavipour et al.; Poole et al. 2019, "On
 * Variational Bounds of Mutual Information"): on a batch of paired {@code [B, dx]} and {@code [B, dy]}
 * float32 arrays it gives a scalar {@link #loss} to minimise, the {@link #pointwise} per-sample terms and
 * their mean {@link #estimate}. Training is done by {@code io.mist.train.Trainer}.
 *
 * <p>Arrays returned are owned by the manager of the inputs; callers scope them.
 */
public interface NeuralEstimator extends AutoCloseable {
    /** Registered name, e.g. {@code "mine"}. */
    String name();

    /** Scalar training loss on a batch. */
    NDArray loss(NDArray x, NDArray y);

    /** Per-sample bound terms {@code [B]} whose mean is the batch estimate. */
    NDArray pointwise(NDArray x, NDArray y);

    /** The batch estimate (a scalar), by default the mean of {@link #pointwise}. */
    default NDArray estimate(NDArray x, NDArray y) {
        return pointwise(x, y).mean();
    }

    /** Whether the value is a lower or upper bound; decides the early-stopping direction. */
    BoundType boundType();

    /** The trainable parameters, each with gradients attached. */
    NDList parameters();

    /** Releases the parameters. */
    @Override
    void close();
}
