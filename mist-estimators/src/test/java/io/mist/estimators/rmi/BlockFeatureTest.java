package io.mist.estimators.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import io.mist.core.Samples;

import org.junit.jupiter.api.Test;

/** A DJL block's Jacobian by autograd against the analytic one of a one-hidden-layer tanh network. */
class BlockFeatureTest {
    /**
     * y = W2 tanh(W1 x + b1) + b2 has J = W2 diag(1 - tanh^2(W1 x + b1)) W1. Values and Jacobians come from
     * float32 arithmetic: entries of order 1 carry rounding of a few 1e-7, so 1e-5 is generous and still fails
     * for a missing activation derivative (an error of order 0.1).
     */
    @Test
    void autogradJacobianMatchesTheAnalyticOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(5).build())
                    .add(Activation::tanh).add(Linear.builder().setUnits(2).build());
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            float[] w1 = net.getChildren().get(0).getValue().getParameters().get("weight").getArray().toFloatArray();
            float[] b1 = net.getChildren().get(0).getValue().getParameters().get("bias").getArray().toFloatArray();
            float[] w2 = net.getChildren().get(2).getValue().getParameters().get("weight").getArray().toFloatArray();
            float[] b2 = net.getChildren().get(2).getValue().getParameters().get("bias").getArray().toFloatArray();
            Samples x = RmiData.gaussian(40, 2, 1.0, 1.0, 1.0);
            FeatureJacobian fj = BlockFeature.of(net, 3, 2).featureAndJacobian(x);
            assertEquals(40, fj.n());
            double worst = 0;
            for (int i = 0; i < 40; i++) {
                double[] h = new double[5];
                for (int k = 0; k < 5; k++) {
                    double z = b1[k];
                    for (int b = 0; b < 3; b++) {
                        z += w1[k * 3 + b] * x.get(i, b);
                    }
                    h[k] = Math.tanh(z);
                }
                for (int a = 0; a < 2; a++) {
                    double y = b2[a];
                    for (int k = 0; k < 5; k++) {
                        y += w2[a * 5 + k] * h[k];
                    }
                    worst = Math.max(worst, Math.abs(y - fj.values().get(i, a)));
                    for (int b = 0; b < 3; b++) {
                        double j = 0;
                        for (int k = 0; k < 5; k++) {
                            j += w2[a * 5 + k] * (1 - h[k] * h[k]) * w1[k * 3 + b];
                        }
                        worst = Math.max(worst, Math.abs(j - fj.jacobians().get(i, a, b)));
                    }
                }
            }
            assertTrue(worst < 1e-5, "worst error " + worst);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BlockFeature.of(net, 3, 2).featureAndJacobian(Samples.of("x", new double[] {1, 2})));
            assertTrue(e.getMessage().contains("x has 1 columns but the feature takes dx = 3"), e::getMessage);
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> BlockFeature.of(net, 3, 1).featureAndJacobian(x));
            assertTrue(wrong.getMessage().contains("expected [40, 1]"), wrong::getMessage);
        }
        assertThrows(IllegalArgumentException.class,
                () -> BlockFeature.of(Linear.builder().setUnits(1).build(), 2, 1));
    }
}
