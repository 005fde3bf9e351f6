package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;

import io.mist.estimators.nn.internal.FlatModule;

/**
 * One invertible step {@code y = f(z; x)} of a normalizing flow, optionally conditioned on a context {@code x}
 * (null when unconditional), with its parameters in the flow's flat array. The density of the flow needs the
 * inverse and the log-determinant of its Jacobian; sampling needs the forward map.
 */
interface Bijection extends FlatModule {
    /**
     * {@code z = f^{-1}(y; x)} ({@code [B, d]}) and {@code log |det d f^{-1}(y; x) / dy|} per row ({@code [B]}).
     *
     * @return {@code {z, logDet}}
     */
    NDArray[] inverse(NDArray y, NDArray context);

    /** {@code y = f(z; x)} ({@code [B, d]}). */
    NDArray forward(NDArray z, NDArray context);
}
