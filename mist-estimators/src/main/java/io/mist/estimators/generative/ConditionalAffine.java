package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * torch_mist's {@code conditional_linear} transform: {@code y = z * exp(s(x)) + t(x)}, where
 * {@code [t(x), s(x)] = MLP(x)} ({@code dx -> hidden... -> 2 dy}, the first {@code dy} outputs the shift, the last
 * {@code dy} the log-scale). On the standard normal base it is the conditional Gaussian
 * {@code q(y | x) = N(t(x), diag(exp(2 s(x))))}. Inverse {@code z = (y - t(x)) * exp(-s(x))},
 * {@code log |det| = -sum_j s_j(x)}.
 */
final class ConditionalAffine implements Bijection {
    private final Mlp mlp;
    private final int d;
    private FlatParameters params;

    /** Registers the MLP {@code dx -> hidden... -> 2 d} in {@code layout}. */
    ConditionalAffine(FlatParameters.Layout layout, int d, int dx, int[] hidden, Nonlinearity activation,
            Init init) {
        this.d = d;
        this.mlp = new Mlp(layout, dx, hidden, 2 * d, activation, init);
    }

    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        mlp.initialize(layout, values, rng);
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
    }

    /** The network {@code x -> [t, s]}. */
    Mlp mlp() {
        return mlp;
    }

    /** {@code [t(x), s(x)]}, each {@code [B, d]}. */
    NDArray[] shiftAndLogScale(NDArray context) {
        NDArray out = mlp.forward(params, context);
        return new NDArray[] {out.get(new NDIndex(":, :{}", d)), out.get(new NDIndex(":, {}:", d))};
    }

    @Override
    public NDArray[] inverse(NDArray y, NDArray context) {
        NDArray[] ts = shiftAndLogScale(context);
        NDArray z = y.sub(ts[0]).mul(ts[1].neg().exp());
        return new NDArray[] {z, ts[1].sum(new int[] {1}).neg()};
    }

    @Override
    public NDArray forward(NDArray z, NDArray context) {
        NDArray[] ts = shiftAndLogScale(context);
        return z.mul(ts[1].exp()).add(ts[0]);
    }
}
