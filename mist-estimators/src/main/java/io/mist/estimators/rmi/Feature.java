package io.mist.estimators.rmi;

import io.mist.core.Samples;

/**
 * A deterministic, differentiable feature {@code y = f(x)} from {@code R^dx} to {@code R^dy}, able to give its
 * values and Jacobians at samples: a plain Java function with finite differences ({@link FunctionFeature}), a
 * DJL block with autograd ({@link BlockFeature}), or a network trained by {@link FeatureExtraction}
 * ({@link ExtractedFeature}). Implementations are immutable and thread-safe.
 */
public interface Feature {
    /** Input dimension {@code dx}. */
    int inputDim();

    /** Feature dimension {@code dy}. */
    int outputDim();

    /**
     * The values {@code [n, dy]} and Jacobians {@code [n, dy, dx]} at the rows of {@code x}.
     *
     * @throws IllegalArgumentException if x does not have {@link #inputDim()} columns
     */
    FeatureJacobian featureAndJacobian(Samples x);
}
