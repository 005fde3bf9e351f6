package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;

import io.mist.core.ExplicitStep;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path (flat parameters, split first layer, fused positive/negative forward), its explicit step
 * (hand-written backward) and the general path (a DJL {@link SequentialBlock} critic with the same weights)
 * give the same loss and the same gradients.
 */
class FastPathVsBlockTest {
    private static final int DX = 2;
    private static final int DY = 3;
    private static final int H = 8;
    private static final int B = 6;

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 0, -1})
    void sameLossAndGradients(int negSamples) {
        DiscriminativeConfig c = DiscriminativeConfig.builder(Bound.NWJ).hiddenDims(H, H).negSamples(negSamples)
                .build();
        float[] xv = new float[B * DX];
        float[] yv = new float[B * DY];
        for (int i = 0; i < xv.length; i++) {
            xv[i] = (float) Math.sin(1.3 * i + 0.2);
        }
        for (int i = 0; i < yv.length; i++) {
            yv[i] = (float) Math.cos(0.7 * i - 0.5);
        }
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                DiscriminativeNeuralEstimator fast = DiscriminativeNeuralEstimator.create(c, DX, DY, m, 5)) {
            JointMlpCritic critic = (JointMlpCritic) fast.critic();
            FlatParameters fp = fast.flatParameters();
            float[] flat = fp.array().toFloatArray();
            SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(H).build())
                    .add(Activation.reluBlock()).add(Linear.builder().setUnits(H).build())
                    .add(Activation.reluBlock()).add(Linear.builder().setUnits(1).build());
            block.initialize(m, DataType.FLOAT32, new Shape(1, DX + DY));
            List<Pair<String, Parameter>> ps = block.getParameters().stream().toList();
            int[] first = critic.firstLayer();
            Mlp tail = critic.tail();
            float[] w0 = new float[H * (DX + DY)];
            for (int h = 0; h < H; h++) {
                for (int j = 0; j < DX; j++) {
                    w0[h * (DX + DY) + j] = flat[fp.offset(first[0]) + h * DX + j];
                }
                for (int j = 0; j < DY; j++) {
                    w0[h * (DX + DY) + DX + j] = flat[fp.offset(first[1]) + h * DY + j];
                }
            }
            ps.get(0).getValue().getArray().set(w0);
            ps.get(1).getValue().getArray().set(slice(flat, fp, first[2]));
            ps.get(2).getValue().getArray().set(slice(flat, fp, tail.weight(0)));
            ps.get(3).getValue().getArray().set(slice(flat, fp, tail.bias(0)));
            ps.get(4).getValue().getArray().set(slice(flat, fp, tail.weight(1)));
            ps.get(5).getValue().getArray().set(slice(flat, fp, tail.bias(1)));
            try (DiscriminativeNeuralEstimator general = DiscriminativeNeuralEstimator.withBlock(c, block, DX, DY, m,
                    5);
                    DiscriminativeNeuralEstimator explicit = DiscriminativeNeuralEstimator.create(c, DX, DY, m, 5)) {
                float lossFast;
                float lossBlock;
                float[] gExplicit;
                double lossExplicit;
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.create(xv, new Shape(B, DX));
                    NDArray y = step.create(yv, new Shape(B, DY));
                    ExplicitStep e = explicit.explicitStep(x, y).orElseThrow();
                    lossExplicit = e.loss();
                    gExplicit = e.gradients().singletonOrThrow().toFloatArray();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = fast.trainingStep(x, y);
                        lossFast = out.get(0).toFloatArray()[0];
                        gc.backward(out.get(0));
                    }
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = general.trainingStep(x, y);
                        lossBlock = out.get(0).toFloatArray()[0];
                        gc.backward(out.get(0));
                    }
                }
                assertEquals(lossFast, lossBlock, 1e-5, "loss");
                assertEquals(lossBlock, lossExplicit, 1e-5, "loss of the explicit step");
                float[] g = fp.array().getGradient().toFloatArray();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(g[i], gExplicit[i], 1e-5, "explicit step gradient[" + i + "]");
                }
                float[] gw0 = ps.get(0).getValue().getArray().getGradient().toFloatArray();
                for (int h = 0; h < H; h++) {
                    for (int j = 0; j < DX; j++) {
                        assertEquals(g[fp.offset(first[0]) + h * DX + j], gw0[h * (DX + DY) + j], 1e-5, "dW0x");
                    }
                    for (int j = 0; j < DY; j++) {
                        assertEquals(g[fp.offset(first[1]) + h * DY + j], gw0[h * (DX + DY) + DX + j], 1e-5, "dW0y");
                    }
                }
                assertSlice(g, fp, first[2], ps.get(1));
                assertSlice(g, fp, tail.weight(0), ps.get(2));
                assertSlice(g, fp, tail.bias(0), ps.get(3));
                assertSlice(g, fp, tail.weight(1), ps.get(4));
                assertSlice(g, fp, tail.bias(1), ps.get(5));
            }
        }
    }

    private static float[] slice(float[] flat, FlatParameters fp, int id) {
        int n = (int) fp.shape(id).size();
        float[] r = new float[n];
        System.arraycopy(flat, fp.offset(id), r, 0, n);
        return r;
    }

    private static void assertSlice(float[] g, FlatParameters fp, int id, Pair<String, Parameter> p) {
        float[] expected = slice(g, fp, id);
        float[] actual = p.getValue().getArray().getGradient().toFloatArray();
        assertEquals(expected.length, actual.length, p.getKey());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, p.getKey() + "[" + i + "]");
        }
    }
}
