package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;

import io.mist.estimators.nn.internal.FlatParameters;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * torch_mist's {@code linear} transform: the elementwise affine map {@code y = z * exp(s) + t} with learnable
 * {@code t, s in R^d}, initialised to the identity ({@code t = s = 0}). On the standard normal base it is a
 * learnable diagonal Gaussian {@code N(t, diag(exp(2 s)))}. Inverse {@code z = (y - t) * exp(-s)},
 * {@code log |det| = -sum_j s_j}.
 */
final class ElementwiseAffine implements Bijection {
    private final int shift;
    private final int logScale;
    private FlatParameters params;

    /** Registers {@code t} and {@code s} of dimension {@code d} in {@code layout}. */
    ElementwiseAffine(FlatParameters.Layout layout, int d) {
        this.shift = layout.add(d);
        this.logScale = layout.add(d);
    }

    /** Id of the shift {@code t} in the layout. */
    int shiftId() {
        return shift;
    }

    /** Id of the log-scale {@code s} in the layout. */
    int logScaleId() {
        return logScale;
    }

    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        // zeros: the identity map
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
    }

    @Override
    public NDArray[] inverse(NDArray y, NDArray context) {
        NDArray t = params.view(shift, y.getManager());
        NDArray s = params.view(logScale, y.getManager());
        NDArray z = y.sub(t).mul(s.neg().exp());
        NDArray logDet = s.sum().neg().broadcast(y.getShape().get(0));
        return new NDArray[] {z, logDet};
    }

    @Override
    public NDArray forward(NDArray z, NDArray context) {
        NDArray t = params.view(shift, z.getManager());
        NDArray s = params.view(logScale, z.getManager());
        return z.mul(s.exp()).add(t);
    }
}
