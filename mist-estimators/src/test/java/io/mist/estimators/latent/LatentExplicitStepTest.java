package io.mist.estimators.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.ExplicitStep;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The hand-written cross-reconstruction step of {@link PairedAutoencoder} gives the loss and parameter gradient
 * of PyTorch's autograd through the same loss, and the critic regularisers take the autograd path.
 */
class LatentExplicitStepTest {
    private static final int DX = 9;
    private static final int DY = 6;
    private static final int B = 11;

    private static NDArray batch(NDManager m, int d, int salt) {
        float[] v = new float[B * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(1.7 * i + salt) * 1.5f;
        }
        return m.create(v, new Shape(B, d));
    }

    @Test
    void crossStepMatchesAutograd() {
        LatentConfig c = LatentConfig.builder().nDims(3).alpha(0.7).lam(1.3).build();
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                PairedAutoencoder explicit = PairedAutoencoder.create(c, DX, DY, m, 5);
                PairedAutoencoder graph = PairedAutoencoder.create(c, DX, DY, m, 5);
                NDManager s = m.newSubManager()) {
            NDArray x = batch(s, DX, 0);
            NDArray y = batch(s, DY, 3);
            Optional<ExplicitStep> e = explicit.explicitStep(x, y);
            assertTrue(e.isPresent());
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = graph.trainingStep(x, y);
                loss = out.get(0).toFloatArray()[0];
                gc.backward(out.get(0));
            }
            assertEquals(loss, e.get().loss(), 1e-5 * (1 + Math.abs(loss)));
            // the per-row values the trainer evaluates average to the batch loss
            assertEquals(loss, graph.pointwise(x, y).mean().getFloat(), 1e-5 * (1 + Math.abs(loss)));
            NDArray grad = graph.parameters().get(0).getGradient();
            grad.attach(s);
            float[] want = grad.toFloatArray();
            float[] got = e.get().gradients().singletonOrThrow().toFloatArray();
            assertEquals(want.length, got.length);
            double scale = 0;
            for (float w : want) {
                scale = Math.max(scale, Math.abs(w));
            }
            assertTrue(scale > 0, "the gradient is not all zero");
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-5 * scale, "gradient[" + i + "]");
            }
        }
    }

    @Test
    void criticRegularizersTrainByAutograd() {
        for (Regularizer r : new Regularizer[] {Regularizer.AE_MINE, Regularizer.AE_INFONCE}) {
            LatentConfig c = LatentConfig.builder().nDims(2).regularizer(r).build();
            try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                    PairedAutoencoder net = PairedAutoencoder.create(c, DX, DY, m, 5);
                    NDManager s = m.newSubManager()) {
                NDArray x = batch(s, DX, 0);
                NDArray y = batch(s, DY, 3);
                assertTrue(net.explicitStep(x, y).isEmpty(), r.id());
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = net.trainingStep(x, y).get(0);
                    assertTrue(Float.isFinite(loss.getFloat()), r.id());
                    gc.backward(loss);
                }
                NDArray grad = net.parameters().get(0).getGradient();
                grad.attach(s);
                float max = 0;
                for (float g : grad.toFloatArray()) {
                    max = Math.max(max, Math.abs(g));
                }
                assertTrue(max > 0 && Float.isFinite(max), r.id() + ": gradient reaches the parameters");
                assertEquals(B, net.pointwise(x, y).getShape().get(0), r.id());
            }
        }
    }
}
