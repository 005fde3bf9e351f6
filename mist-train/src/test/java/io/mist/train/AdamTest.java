package io.mist.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

/**
 * Adam on the loss {@code sum_k w_k^2 / 2 + c_k w_k} (gradient {@code w + c}) for three steps, against
 * PyTorch's formula evaluated here in double precision.
 */
class AdamTest {
    @Test
    void threeStepsMatchPyTorchsFormula() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = {0.5, -1.0, 2.0};
        double[] c = {0.3, -0.2, 1e-6};
        double[] mm = new double[3];
        double[] vv = new double[3];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0.5f, -1.0f, 2.0f});
            p.setRequiresGradient(true);
            NDArray cc = m.create(new float[] {0.3f, -0.2f, 1e-6f});
            boolean direct = Autograd.direct();
            try (Adam adam = new Adam(new NDList(p), m, b1, b2, eps)) {
                for (int t = 1; t <= 3; t++) {
                    try (NDManager step = m.newSubManager()) {
                        NDArray cs = cc.duplicate();
                        cs.attach(step);
                        if (direct) {
                            boolean was = Autograd.setGradMode(true);
                            NDArray loss = p.square().mul(0.5f).add(p.mul(cs)).sum();
                            Autograd.backward(loss, step.ones(loss.getShape()));
                            Autograd.setGradMode(false);
                            adam.update(lr, step);
                            Autograd.setGradMode(was);
                        } else {
                            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance()
                                    .newGradientCollector()) {
                                gc.backward(p.square().mul(0.5f).add(p.mul(cs)).sum());
                            }
                            adam.update(lr, step);
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        double g = w[k] + c[k];
                        mm[k] = b1 * mm[k] + (1 - b1) * g;
                        vv[k] = b2 * vv[k] + (1 - b2) * g * g;
                        double mHat = mm[k] / (1 - Math.pow(b1, t));
                        double vHat = vv[k] / (1 - Math.pow(b2, t));
                        w[k] -= lr * mHat / (Math.sqrt(vHat) + eps);
                    }
                    float[] got = p.toFloatArray();
                    for (int k = 0; k < 3; k++) {
                        assertEquals(w[k], got[k], 1e-5, "step " + t + ", entry " + k);
                    }
                    assertEquals(0f, p.getGradient().abs().sum().getFloat(), "gradient zeroed");
                }
            }
        }
    }

    @Test
    void explicitGradientsMatchPyTorchsFormula() {
        double lr = 0.05;
        double[] w = {0.5, -1.0, 2.0};
        double[] mm = new double[3];
        double[] vv = new double[3];
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0.5f, -1.0f, 2.0f});
            p.setRequiresGradient(true);
            boolean was = Autograd.direct() && Autograd.setGradMode(false);
            try (Adam adam = new Adam(new NDList(p), m, 0.9, 0.999, 1e-8)) {
                for (int t = 1; t <= 3; t++) {
                    float[] g = new float[3];
                    for (int k = 0; k < 3; k++) { // the gradient of sum_k w_k^3 / 3, computed by hand
                        g[k] = (float) (w[k] * w[k]);
                    }
                    try (NDManager step = m.newSubManager()) {
                        adam.update(lr, step, new NDList(step.create(g)));
                    }
                    for (int k = 0; k < 3; k++) {
                        mm[k] = 0.9 * mm[k] + 0.1 * g[k];
                        vv[k] = 0.999 * vv[k] + 0.001 * g[k] * g[k];
                        w[k] -= lr * (mm[k] / (1 - Math.pow(0.9, t))) / (Math.sqrt(vv[k] / (1 - Math.pow(0.999, t)))
                                + 1e-8);
                    }
                    float[] got = p.toFloatArray();
                    for (int k = 0; k < 3; k++) {
                        assertEquals(w[k], got[k], 1e-5, "step " + t + ", entry " + k);
                    }
                }
                try (NDManager step = m.newSubManager()) {
                    assertThrows(IllegalArgumentException.class, () -> adam.update(lr, step, new NDList()));
                }
            } finally {
                if (Autograd.direct()) {
                    Autograd.setGradMode(was);
                }
            }
        }
    }
}
