package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

import io.mist.core.InputBaseline;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A learned scalar baseline {@code b(x) = b}, the same for every x, trained with the critic (one entry of the
 * flat parameters); it starts at 0. At the optimum of the baseline form {@code b = log E exp f(x, y')} over
 * the marginals, i.e. the Donsker-Varadhan normaliser (Poole et al. 2019, section 2.2).
 */
final class LearnableBaseline implements InputBaseline, FlatModule, DirectBaseline {
    private final int id;
    private FlatParameters params;

    /** Registers the scalar in {@code layout}. */
    public LearnableBaseline(FlatParameters.Layout layout) {
        this.id = layout.add(1);
    }

    /** Writes the initial value 0 (draws nothing from {@code rng}). */
    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        values[layout.offset(id)] = 0f;
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
    }

    @Override
    public NDArray value(NDArray x) {
        return params.view(id, x.getManager()).broadcast(new Shape(x.getShape().get(0)));
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }

    @Override
    public Pass forward(NDArray x) {
        float[] v = new float[(int) x.getShape().get(0)];
        Arrays.fill(v, params.fixedView(id).toFloatArray()[0]);
        return new Pass(v, (d, g) -> {
            double sum = 0;
            for (float di : d) {
                sum += di;
            }
            g.add(id, x.getManager().create(new float[] {(float) sum}));
        });
    }
}
