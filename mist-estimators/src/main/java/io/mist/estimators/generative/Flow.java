package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.mist.core.ConditionalDistribution;
import io.mist.core.Distribution;
import io.mist.core.internal.Checks;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A normalizing flow {@code y = f_K(... f_1(z; x) ...; x)} on the standard normal base {@code z ~ N(0, I_d)}, with
 * the exact density by the change of variables
 * <pre>
 *   log q(y | x) = log N(f^{-1}(y; x); 0, I) + sum_k log |det d f_k^{-1} / dy_k|
 * </pre>
 * Unconditional ({@link Distribution}, no context) or conditional on {@code x} ({@link ConditionalDistribution}).
 * Sampling draws {@code z} from a seeded Java generator (the same values on every device) and runs the steps
 * forward, without gradients.
 */
final class Flow implements Distribution, ConditionalDistribution, FlatModule {
    private final int d;
    private final List<Bijection> steps;
    private FlatParameters params;

    /** A flow on {@code R^d} through {@code steps} (applied first to last when sampling). */
    Flow(int d, List<Bijection> steps) {
        this.d = Checks.atLeast("dim", d, 1);
        this.steps = List.copyOf(steps);
    }

    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        for (Bijection b : steps) {
            b.initialize(layout, values, rng);
        }
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
        for (Bijection b : steps) {
            b.bind(p);
        }
    }

    /** The steps, first (nearest the base) to last. */
    List<Bijection> steps() {
        return steps;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public NDArray logProb(NDArray y) {
        return logProb(null, y);
    }

    @Override
    public NDArray logProb(NDArray x, NDArray y) {
        NDArray z = y;
        NDArray logDet = null;
        for (int k = steps.size() - 1; k >= 0; k--) {
            NDArray[] r = steps.get(k).inverse(z, x);
            z = r[0];
            logDet = logDet == null ? r[1] : logDet.add(r[1]);
        }
        NDArray base = StandardNormal.logDensity(z);
        return logDet == null ? base : base.add(logDet);
    }

    /** {@code f(z; x)}: the base point {@code z} ({@code [B, d]}) through every step. */
    NDArray forward(NDArray z, NDArray x) {
        NDArray y = z;
        for (Bijection b : steps) {
            y = b.forward(y, x);
        }
        return y;
    }

    /** {@code f^{-1}(y; x)}. */
    NDArray inverse(NDArray y, NDArray x) {
        NDArray z = y;
        for (int k = steps.size() - 1; k >= 0; k--) {
            z = steps.get(k).inverse(z, x)[0];
        }
        return z;
    }

    @Override
    public NDArray sample(NDManager manager, int n, long seed) {
        Checks.atLeast("n", n, 1);
        return forward(StandardNormal.draw(manager, n, d, seed), null).stopGradient();
    }

    @Override
    public NDArray sample(NDArray x, long seed) {
        int n = Math.toIntExact(x.getShape().get(0));
        return forward(StandardNormal.draw(x.getManager(), n, d, seed), x).stopGradient();
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }
}
