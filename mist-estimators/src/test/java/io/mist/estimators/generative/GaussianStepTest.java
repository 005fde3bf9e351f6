package io.mist.estimators.generative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;

import io.mist.core.ExplicitStep;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The explicit step of the default Gaussian densities gives the same loss, batch estimate and parameter gradient
 * as PyTorch's autograd through {@link GenerativeNeuralEstimator#trainingStep} on the same batch, for every
 * estimator that has it; the others train through autograd.
 */
class GaussianStepTest {
    private static final int DX = 3;
    private static final int DY = 2;
    private static final int B = 9;

    static NDArray batch(NDManager m, int d, int seed) {
        return StandardNormal.draw(m, B, d, 100 + seed).mul(1.3).add(0.2);
    }

    @ParameterizedTest
    @EnumSource(value = Generative.class, names = {"BA", "DOE", "CLUB", "L1OUT"})
    void sameLossEstimateAndGradientAsAutograd(Generative kind) {
        GenerativeConfig c = GenerativeConfig.builder(kind).hiddenDims(6, 5).build();
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                GenerativeNeuralEstimator explicit = GenerativeNeuralEstimator.create(c, DX, DY, 2.5, m, 11);
                GenerativeNeuralEstimator graph = GenerativeNeuralEstimator.create(c, DX, DY, 2.5, m, 11)) {
            // move every parameter off its initial value (the marginal starts at the identity)
            NDArray p0 = graph.parameters().get(0);
            try (NDManager s = m.newSubManager()) {
                NDArray shift = StandardNormal.draw(s, 1, (int) p0.size(), 5).reshape(p0.getShape()).mul(0.1);
                p0.set(new NDIndex("..."), p0.add(shift));
                NDArray q0 = explicit.parameters().get(0);
                q0.set(new NDIndex("..."), q0.add(shift));
            }
            for (int step = 0; step < 2; step++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray x = batch(s, DX, step);
                    NDArray y = batch(s, DY, step + 10);
                    Optional<ExplicitStep> e = explicit.explicitStep(x, y);
                    assertTrue(e.isPresent(), kind.id());
                    float loss;
                    float est;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = graph.trainingStep(x, y);
                        loss = out.get(0).toFloatArray()[0];
                        est = out.get(1).toFloatArray()[0];
                        gc.backward(out.get(0));
                    }
                    assertEquals(loss, e.get().loss(), 1e-5 * (1 + Math.abs(loss)), kind.id() + " loss");
                    assertEquals(est, e.get().estimate(), 1e-5 * (1 + Math.abs(est)), kind.id() + " estimate");
                    NDArray grad = graph.parameters().get(0).getGradient();
                    grad.attach(s);
                    float[] want = grad.toFloatArray();
                    grad.subi(grad);
                    float[] got = e.get().gradients().singletonOrThrow().toFloatArray();
                    assertEquals(want.length, got.length);
                    double scale = 0;
                    for (float w : want) {
                        scale = Math.max(scale, Math.abs(w));
                    }
                    assertTrue(scale > 0);
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i], got[i], 1e-5 * scale, kind.id() + " gradient[" + i + "]");
                    }
                }
            }
        }
    }

    /** The broadcast pair log-densities of the Gaussian equal the density evaluated row by row. */
    @Test
    void pairLogDensitiesAreTheDensityOfEveryPair() {
        GenerativeConfig c = GenerativeConfig.builder(Generative.CLUB).hiddenDims(6, 5).build();
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                GenerativeNeuralEstimator net = GenerativeNeuralEstimator.create(c, DX, DY, 0, m, 11)) {
            NDArray x = batch(m, DX, 1);
            NDArray y = batch(m, DY, 2);
            float[] pairs = net.pairLogProb(x, y).toFloatArray();
            for (int i = 0; i < B; i++) {
                for (int j = 0; j < B; j++) {
                    float want = net.conditional().logProb(x.get(new NDIndex("{}:{}", i, i + 1)),
                            y.get(new NDIndex("{}:{}", j, j + 1))).getFloat(0);
                    assertEquals(want, pairs[i * B + j], 1e-5 * (1 + Math.abs(want)), i + "," + j);
                }
            }
        }
    }

    @Test
    void otherDensitiesUseAutograd() {
        GenerativeConfig[] others = {GenerativeConfig.builder(Generative.GM).hiddenDims(4).build(),
            GenerativeConfig.builder(Generative.DOE).marginalTransform(MarginalTransform.AFFINE_AUTOREGRESSIVE)
                    .hiddenDims(4).build(),
            GenerativeConfig.builder(Generative.BA).nTransforms(2).hiddenDims(4).build(),
            GenerativeConfig.builder(Generative.CLUB).transform(ConditionalTransform.CONDITIONAL_MIXTURE)
                    .hiddenDims(4).build()};
        for (GenerativeConfig c : others) {
            try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                    GenerativeNeuralEstimator net = GenerativeNeuralEstimator.create(c, DX, DY, 0, m, 1)) {
                assertFalse(net.explicitStep(batch(m, DX, 0), batch(m, DY, 1)).isPresent(), c.toString());
            }
        }
    }
}
