package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import io.mist.core.Baseline;
import io.mist.estimators.nn.FlatParameters;
import io.mist.estimators.nn.Mlp;

import org.apache.commons.rng.UniformRandomProvider;

/** A learned baseline {@code b(x) = MLP(x) -> 1} (TUBA, alpha-TUBA) on flat parameters. */
public final class MlpBaseline implements Baseline {
    private final Mlp mlp;
    private FlatParameters params;

    /** Registers {@code dx -> hidden... -> 1} in {@code layout}. */
    public MlpBaseline(FlatParameters.Layout layout, int dx, int[] hidden) {
        this.mlp = new Mlp(layout, dx, hidden, 1);
    }

    /** Writes PyTorch-default initial values. */
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        mlp.initialize(layout, values, rng);
    }

    /** Binds the flat parameters made from the layout. */
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
}
