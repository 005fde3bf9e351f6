package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

import io.mist.core.InputBaseline;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.internal.Mlp;
import io.mist.estimators.nn.Nonlinearity;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A learned baseline {@code b(x) = MLP(x) -> 1} (torch_mist's default for TUBA and alpha-TUBA; Poole et al.
 * 2019), on flat parameters shared with the critic, so one optimiser step updates both.
 */
final class MlpBaseline implements InputBaseline, FlatModule, DirectBaseline {
    private final Mlp mlp;
    private FlatParameters params;

    /** Registers {@code dx -> hidden... -> 1} in {@code layout}, ReLU, PyTorch's init. */
    public MlpBaseline(FlatParameters.Layout layout, int dx, int[] hidden) {
        this(layout, dx, hidden, Nonlinearity.RELU, Init.DEFAULT);
    }

    /** Registers {@code dx -> hidden... -> 1} in {@code layout}. */
    public MlpBaseline(FlatParameters.Layout layout, int dx, int[] hidden, Nonlinearity activation, Init init) {
        this.mlp = new Mlp(layout, dx, hidden, 1, activation, init);
    }

    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        mlp.initialize(layout, values, rng);
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
    }

    @Override
    public NDArray value(NDArray x) {
        return mlp.forward(params, x).squeeze(-1);
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }

    @Override
    public Pass forward(NDArray x) {
        Mlp.Trace t = mlp.trace(params, 0, x);
        return new Pass(t.output().toFloatArray(),
                (d, g) -> mlp.backward(params, t, x.getManager().create(d, new Shape(d.length, 1)), g, false));
    }
}
