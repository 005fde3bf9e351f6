package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.internal.Seeds;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** The base density of every flow, {@code N(0, I_d)}, and seeded standard normal draws. */
final class StandardNormal {
    /** {@code log(2 pi) / 2}. */
    static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private StandardNormal() {
    }

    /** {@code log N(z; 0, I) = -|z|^2 / 2 - d log(2 pi) / 2} per row of {@code z} ({@code [B, d]}), shape {@code [B]}. */
    static NDArray logDensity(NDArray z) {
        long d = z.getShape().get(1);
        return z.square().sum(new int[] {1}).mul(-0.5).sub(d * HALF_LOG_TWO_PI);
    }

    /** {@code [n, d]} independent standard normal draws from {@code seed}, in {@code manager}. */
    static NDArray draw(NDManager manager, int n, int d, long seed) {
        return manager.create(values(n * d, Seeds.rng(seed)), new Shape(n, d));
    }

    /** {@code count} standard normal draws from {@code rng}. */
    static float[] values(int count, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) g.sample();
        }
        return v;
    }
}
