package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each baseline on a tiny batch, against values computed here by hand. */
class BaselinesTest {
    private static final float TOL = 1e-6f;
    private NDManager m;
    private NDArray x;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
        x = m.create(new float[] {1f, -1f, 0.5f, 2f, -3f, 0f}, new Shape(3, 2));
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void constantIsTheSameForEveryRow() {
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, new ConstantBaseline(0.5).value(x).toFloatArray(), TOL);
        assertThrows(IllegalArgumentException.class, () -> new ConstantBaseline(Double.NaN));
    }

    @Test
    void learnableIsOneScalarStartingAtZero() {
        FlatParameters.Layout layout = new FlatParameters.Layout();
        LearnableBaseline b = new LearnableBaseline(layout);
        float[] values = {9f};
        b.initialize(layout, values, null);
        assertEquals(0f, values[0]);
        values[0] = 0.7f;
        try (FlatParameters p = new FlatParameters(layout, values, m)) {
            b.bind(p);
            try (NDManager step = m.newSubManager()) {
                NDArray xs = x.duplicate();
                xs.attach(step);
                assertArrayEquals(new float[] {0.7f, 0.7f, 0.7f}, b.value(xs).toFloatArray(), TOL);
            }
            assertEquals(1, b.parameters().size());
        }
    }

    @Test
    void mlpComputesItsNetworkByHand() {
        // 2 -> [2] -> 1 with weights W1 = [[1, 2], [-1, 0.5]], b1 = [0.1, -0.2], W2 = [[1.5, -2]], b2 = [0.3]
        FlatParameters.Layout layout = new FlatParameters.Layout();
        MlpBaseline b = new MlpBaseline(layout, 2, new int[] {2}, Nonlinearity.RELU, Init.DEFAULT);
        float[] values = {1f, 2f, -1f, 0.5f, 0.1f, -0.2f, 1.5f, -2f, 0.3f};
        assertEquals(values.length, layout.size());
        double[][] xs = {{1, -1}, {0.5, 2}, {-3, 0}};
        float[] expected = new float[3];
        for (int i = 0; i < 3; i++) {
            double h1 = Math.max(0, 1 * xs[i][0] + 2 * xs[i][1] + 0.1);
            double h2 = Math.max(0, -1 * xs[i][0] + 0.5 * xs[i][1] - 0.2);
            expected[i] = (float) (1.5 * h1 - 2 * h2 + 0.3);
        }
        try (FlatParameters p = new FlatParameters(layout, values, m); NDManager step = m.newSubManager()) {
            b.bind(p);
            NDArray in = x.duplicate();
            in.attach(step);
            assertArrayEquals(expected, b.value(in).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void logMeanExpAveragesTheNegativesPerSampleOrOverTheBatch() {
        // negatives [M = 2, B = 3]
        double[][] neg = {{0.3, -1.0, 0.8}, {-0.4, 0.2, 1.5}};
        NDArray n = m.create(new float[] {0.3f, -1.0f, 0.8f, -0.4f, 0.2f, 1.5f}, new Shape(2, 3));
        float[] v = LogMeanExpBaseline.perSample().value(x, n).toFloatArray();
        double all = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.log((Math.exp(neg[0][i]) + Math.exp(neg[1][i])) / 2), v[i], 1e-6);
            all += Math.exp(neg[0][i]) + Math.exp(neg[1][i]);
        }
        float[] w = LogMeanExpBaseline.overBatch().value(x, n).toFloatArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.log(all / 6), w[i], 1e-6);
        }
        assertArrayEquals(new float[] {0.3f, -1f, 0.8f},
                LogMeanExpBaseline.perSample().value(x, n.get("0:1")).toFloatArray(), TOL);
        assertFalse(io.mist.core.InputBaseline.class.isAssignableFrom(LogMeanExpBaseline.class),
                "the lme baseline needs the negatives: it must not offer value(x)");
    }

    @Test
    void tubaWithTheConstantOneIsNwj() {
        NDArray pos = m.create(new float[] {1f, 0.5f, -0.2f});
        NDArray neg = m.create(new float[] {0.3f, -1f, 0.8f}, new Shape(1, 3));
        NDArray one = new ConstantBaseline(1).value(x);
        float[] tuba = Bound.TUBA.pointwise(new Scores(pos, neg, null, 1, one, null), 5, 0.01).toFloatArray();
        float[] nwj = Bound.NWJ.pointwise(new Scores(pos, neg, null, 1, null, null), 5, 0.01).toFloatArray();
        assertArrayEquals(nwj, tuba, 1e-6f);
    }

    @Test
    void typesParseByName() {
        assertEquals(BaselineType.LME, BaselineType.of("lme"));
        assertThrows(IllegalArgumentException.class, () -> BaselineType.of("ema"));
    }
}
