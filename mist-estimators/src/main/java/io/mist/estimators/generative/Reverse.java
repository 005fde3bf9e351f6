package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;

import io.mist.estimators.nn.internal.FlatParameters;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The permutation between stacked autoregressive transforms: the coordinates in reverse order (its own
 * inverse, {@code log |det| = 0}), so that each coordinate is conditioned on every other one somewhere in the
 * stack.
 */
final class Reverse implements Bijection {
    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
    }

    @Override
    public NDArray[] inverse(NDArray y, NDArray context) {
        return new NDArray[] {y.flip(1), y.getManager().zeros(new ai.djl.ndarray.types.Shape(y.getShape().get(0)),
                y.getDataType())};
    }

    @Override
    public NDArray forward(NDArray z, NDArray context) {
        return z.flip(1);
    }
}
