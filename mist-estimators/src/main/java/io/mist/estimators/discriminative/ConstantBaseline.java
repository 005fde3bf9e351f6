package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import io.mist.core.internal.Checks;
import io.mist.core.InputBaseline;

import java.util.Arrays;

/**
 * A constant baseline {@code b(x) = c}. In the baseline form {@code log Z = mean_m exp(f' - b) + b - 1},
 * {@code c = 1} gives NWJ (Nguyen, Wainwright and Jordan 2010) and {@code c = 0} the value JS reports.
 * Immutable.
 */
final class ConstantBaseline implements InputBaseline, DirectBaseline {
    private final float c;

    /**
     * The baseline {@code c}.
     *
     * @throws IllegalArgumentException if {@code c} is not finite
     */
    public ConstantBaseline(double c) {
        this.c = (float) Checks.finite("baseline_value", c);
    }

    /** The constant. */
    public double constant() {
        return c;
    }

    @Override
    public NDArray value(NDArray x) {
        return x.getManager().full(new Shape(x.getShape().get(0)), c);
    }

    @Override
    public Pass forward(NDArray x) {
        float[] v = new float[(int) x.getShape().get(0)];
        Arrays.fill(v, c);
        return new Pass(v, (d, g) -> {
        });
    }
}
