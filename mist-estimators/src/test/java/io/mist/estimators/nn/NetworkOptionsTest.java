package io.mist.estimators.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.mist.core.internal.Seeds;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/** Activations against their formulas, and the initialisation schemes' ranges, spreads and seeding. */
class NetworkOptionsTest {
    private static final float[] X = {-2f, -0.5f, 0f, 0.7f, 3f};

    private static void check(Nonlinearity n, DoubleUnaryOperator f, NDManager m) {
        float[] got = n.apply(m.create(X)).toFloatArray();
        for (int i = 0; i < X.length; i++) {
            assertEquals(f.applyAsDouble(X[i]), got[i], 1e-5, n + " at " + X[i]);
        }
    }

    @Test
    void activationsMatchTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            check(Nonlinearity.RELU, v -> Math.max(0, v), m);
            check(Nonlinearity.TANH, Math::tanh, m);
            check(Nonlinearity.SIGMOID, v -> 1 / (1 + Math.exp(-v)), m);
            check(Nonlinearity.ELU, v -> v > 0 ? v : Math.expm1(v), m);
            check(Nonlinearity.LEAKY_RELU, v -> v > 0 ? v : 0.01 * v, m);
            check(Nonlinearity.SOFTPLUS, v -> Math.log1p(Math.exp(v)), m);
            check(Nonlinearity.SILU, v -> v / (1 + Math.exp(-v)), m);
            check(Nonlinearity.SELU, v -> 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * Math.expm1(v)), m);
            // exact GELU, x Phi(x); tanh approximation differs by < 1e-3
            float[] g = Nonlinearity.GELU.apply(m.create(X)).toFloatArray();
            assertEquals(3 * 0.99865, g[4], 1e-3);
            assertEquals(0, g[2], 1e-7);
        }
        assertEquals(Nonlinearity.LEAKY_RELU, Nonlinearity.of("leaky_relu"));
        assertThrows(IllegalArgumentException.class, () -> Nonlinearity.of("swishy"));
    }

    private static float[] draw(Init init, int fanIn, int fanOut, long seed) {
        float[] v = new float[fanIn * fanOut];
        init.fillWeights(v, 0, v.length, fanIn, fanOut, Seeds.rng(seed));
        return v;
    }

    @Test
    void uniformSchemesStayInTheirBoundsAndNormalOnesHaveTheirSpread() {
        int fanIn = 64;
        int fanOut = 32;
        double[] bounds = {1 / Math.sqrt(fanIn), Math.sqrt(6.0 / (fanIn + fanOut)), Math.sqrt(6.0 / fanIn)};
        Init[] uniform = {Init.DEFAULT, Init.XAVIER_UNIFORM, Init.KAIMING_UNIFORM};
        for (int k = 0; k < uniform.length; k++) {
            float[] v = draw(uniform[k], fanIn, fanOut, 3);
            double max = 0;
            for (float w : v) {
                max = Math.max(max, Math.abs(w));
            }
            assertTrue(max <= bounds[k] && max > 0.9 * bounds[k], uniform[k] + ": max |w| " + max);
        }
        double[] sds = {Math.sqrt(2.0 / (fanIn + fanOut)), Math.sqrt(2.0 / fanIn)};
        Init[] normal = {Init.XAVIER_NORMAL, Init.KAIMING_NORMAL};
        for (int k = 0; k < normal.length; k++) {
            float[] v = draw(normal[k], fanIn, fanOut, 3);
            double ss = 0;
            for (float w : v) {
                ss += w * w;
            }
            double sd = Math.sqrt(ss / v.length);
            // 2048 draws: the sample sd is within about 3 * sd / sqrt(2 * 2048) = 0.05 sd of the truth
            assertEquals(sds[k], sd, 0.05 * sds[k], normal[k].id());
        }
    }

    @Test
    void sameSeedSameWeights() {
        for (Init i : Init.values()) {
            assertArrayEquals(draw(i, 5, 7, 11), draw(i, 5, 7, 11));
        }
        assertEquals(Init.KAIMING_NORMAL, Init.of("kaiming_normal"));
        assertThrows(IllegalArgumentException.class, () -> Init.of("orthogonal"));
    }
}
