package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;

import io.mist.estimators.nn.internal.FlatParameters;

/**
 * A baseline that the explicit (autograd-free) training step can run: its values on the JVM and the
 * back-propagation of their gradient into the flat parameters. Implemented by the constant, learnable and
 * MLP baselines.
 */
interface DirectBaseline {
    /** One forward pass on {@code x}, kept for its backward. */
    Pass forward(NDArray x);

    /**
     * A forward pass: the values {@code b(x_i)} ({@code [B]}) and how to add the parameters' gradient for
     * {@code dL/db_i} to a gradient.
     *
     * @param values {@code b(x_i)}
     * @param backward the back-propagation of {@code dL/db_i}
     */
    record Pass(float[] values, Backward backward) {
    }

    /** Adds the parameters' gradient for {@code dValues = dL/db_i} to {@code g}. */
    @FunctionalInterface
    interface Backward {
        void apply(float[] dValues, FlatParameters.Gradient g);
    }
}
