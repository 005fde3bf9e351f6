package io.mist.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import java.util.Optional;

/**
 * A trainable variational estimator in the shape of torch_mist (Poole et al. 2019, "On Variational Bounds of
 * Mutual Information"): on a batch of paired {@code [B, dx]} and {@code [B, dy]} float32 arrays it gives a
 * scalar {@link #loss} to minimise, the {@link #pointwise} per-sample terms and their mean {@link #estimate}.
 * Training is done by {@code io.mist.train.Trainer}.
 *
 * <p>Arrays returned are owned by the manager of the inputs; callers scope them. The trainer calls
 * {@link #trainingStep} once per iteration with gradient recording on, and {@link #beginEvaluation} before
 * every pass of {@link #pointwise} over held-out data (with gradient recording off), so that an estimator
 * drawing random negatives can use the same negatives in every evaluation.
 */
public interface NeuralEstimator extends AutoCloseable {
    /** Registered name, e.g. {@code "mine"}. */
    String name();

    /** Scalar training loss on a batch. */
    NDArray loss(NDArray x, NDArray y);

    /** Per-sample bound terms {@code [B]} whose mean is the batch estimate (evaluation mode). */
    NDArray pointwise(NDArray x, NDArray y);

    /** The batch estimate (a scalar), by default the mean of {@link #pointwise}. */
    default NDArray estimate(NDArray x, NDArray y) {
        return pointwise(x, y).mean();
    }

    /**
     * One training step's forward pass: {@code [loss, estimate]}, two scalars computed from one forward
     * where the estimator can (the default calls {@link #loss} and {@link #estimate}). Gradients flow from
     * the loss; the estimate is the training-batch value logged in the history.
     */
    default NDList trainingStep(NDArray x, NDArray y) {
        return new NDList(loss(x, y), estimate(x, y).stopGradient());
    }

    /**
     * One training step whose gradients the estimator computes itself, with no autograd graph recorded, or
     * empty when only the autograd path of {@link #trainingStep} applies (the default). The built-in networks
     * do this: a hand-written backward pass needs far fewer native calls than the recorded graph. Draws the
     * same randomness as {@link #trainingStep} would, so either path sees the same negatives.
     */
    default Optional<ExplicitStep> explicitStep(NDArray x, NDArray y) {
        return Optional.empty();
    }

    /** Called before each evaluation pass; estimators with random negatives reset their evaluation stream. */
    default void beginEvaluation() {
    }

    /** Whether the value is a lower or upper bound; decides the early-stopping direction. */
    BoundType boundType();

    /**
     * Whether early stopping keeps the checkpoint with the best (largest) validation mean of
     * {@link #checkpointScore} instead of the best validation estimate (the default: largest for lower bounds
     * and estimates that are neither, smallest for upper bounds). Estimators fitted by maximum likelihood
     * choose by held-out log-likelihood: minimising an upper bound such as CLUB over checkpoints would keep the
     * untrained density, whose bound is loosest in the other direction.
     */
    default boolean checkpointByScore() {
        return false;
    }

    /**
     * Per-sample checkpoint scores {@code [B]} (evaluation mode; larger is better), used when
     * {@link #checkpointByScore()}; by default the {@link #pointwise} values.
     */
    default NDArray checkpointScore(NDArray x, NDArray y) {
        return pointwise(x, y);
    }

    /**
     * The trainable parameters, each with gradients attached. A fast estimator keeps all of them in one
     * flat array (views per layer), so the optimiser updates them in a few native operations.
     */
    NDList parameters();

    /** Releases the parameters. */
    @Override
    void close();
}
