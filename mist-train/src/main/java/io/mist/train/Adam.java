package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.mist.core.internal.Checks;

/**
 * Adam (Kingma and Ba 2015) as one native update per parameter array: with all of an estimator's parameters
 * in one flat array that is one call per step for the whole network. Update, with bias corrections
 * {@code c1 = 1 - beta1^t}, {@code c2 = 1 - beta2^t}: {@code m <- beta1 m + (1 - beta1) g},
 * {@code v <- beta2 v + (1 - beta2) g^2}, {@code p <- p - lr sqrt(c2) / c1 * m / (sqrt(v) + eps sqrt(c2))}
 * (the same as PyTorch's Adam). With the PyTorch engine the update is DJL's fused {@code adamUpdate} (a few
 * in-place ATen operations in one native call); with other engines the same formula as separate in-place
 * operations. Must run with gradient recording off. Not thread-safe.
 */
final class Adam implements AutoCloseable {
    private final NDList params;
    private final NDArray[] m;
    private final NDArray[] v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean fused;
    private int t;

    /** Moment buffers for {@code params}, allocated in {@code manager}. */
    public Adam(NDList params, NDManager manager, double beta1, double beta2, double eps) {
        this.params = params;
        this.m = new NDArray[params.size()];
        this.v = new NDArray[params.size()];
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            m[i] = manager.zeros(p.getShape(), p.getDataType(), p.getDevice());
            v[i] = manager.zeros(p.getShape(), p.getDataType(), p.getDevice());
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.fused = Autograd.direct();
    }

    /** Number of updates made. */
    public int steps() {
        return t;
    }

    /**
     * One update with learning rate {@code lr} from the parameters' accumulated gradients, which are then
     * zeroed. Temporaries live in {@code step}.
     */
    public void update(double lr, NDManager step) {
        NDList grads = new NDList(params.size());
        for (NDArray p : params) {
            NDArray g = p.getGradient();
            g.attach(step);
            grads.add(g);
        }
        update(lr, step, grads);
    }

    /**
     * One update with learning rate {@code lr} from the given gradients (one per parameter array, shaped like
     * it), which may be overwritten. Temporaries live in {@code step}.
     */
    public void update(double lr, NDManager step, NDList gradients) {
        if (gradients.size() != params.size()) {
            throw Checks.fail("gradients has %d arrays but there are %d parameter arrays",
                    gradients.size(), params.size());
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        if (fused) {
            float stepSize = (float) (lr * Math.sqrt(c2) / c1);
            float epsHat = (float) (eps * Math.sqrt(c2));
            for (int i = 0; i < params.size(); i++) {
                NDArray p = params.get(i);
                NDArray g = gradients.get(i);
                // inputs {weight, gradient, mean, variance}; no weight decay, rescale 1, no clipping
                // (the native update also zeroes the gradient)
                p.getNDArrayInternal().adamUpdate(new NDList(p, g, m[i], v[i]), new NDList(p), (float) lr,
                        stepSize, 0f, 1f, -1f, (float) beta1, (float) beta2, epsHat, true, false);
            }
            return;
        }
        // m~ = m / (1 - beta1) and v~ = v / (1 - beta2) need one multiply less each:
        // m~ <- beta1 m~ + g, v~ <- beta2 v~ + g^2,
        // p <- p - lr sqrt(c2) / c1 * (1 - beta1) / sqrt(1 - beta2) * m~ / (sqrt(v~) + eps sqrt(c2) / sqrt(1 - beta2))
        double stepSize = lr * Math.sqrt(c2) / c1 * (1 - beta1) / Math.sqrt(1 - beta2);
        double epsHat = eps * Math.sqrt(c2) / Math.sqrt(1 - beta2);
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = gradients.get(i);
            m[i].muli((float) beta1).addi(g);
            NDArray g2 = g.square();
            v[i].muli((float) beta2).addi(g2);
            NDArray denom = v[i].sqrt();
            denom.attach(step);
            denom.addi((float) epsHat);
            NDArray upd = m[i].div(denom);
            upd.attach(step);
            p.subi(upd.muli((float) stepSize));
            g.subi(g);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < m.length; i++) {
            m[i].close();
            v[i].close();
        }
    }
}
