package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma and Ba 2015) written as a few in-place native operations per parameter array: with all of
 * an estimator's parameters in one flat array that is about a dozen operations per step for the whole
 * network. Update, with bias corrections {@code c1 = 1 - beta1^t}, {@code c2 = 1 - beta2^t}:
 * {@code m <- beta1 m + (1 - beta1) g}, {@code v <- beta2 v + (1 - beta2) g^2},
 * {@code p <- p - lr sqrt(c2) / c1 * m / (sqrt(v) + eps sqrt(c2))} (the same as PyTorch's Adam). Must run
 * with gradient recording off. Not thread-safe.
 */
public final class Adam implements AutoCloseable {
    private final NDList params;
    private final NDArray[] m;
    private final NDArray[] v;
    private final double beta1;
    private final double beta2;
    private final double eps;
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
        t++;
        // m~ = m / (1 - beta1) and v~ = v / (1 - beta2) need one multiply less each:
        // m~ <- beta1 m~ + g, v~ <- beta2 v~ + g^2,
        // p <- p - lr sqrt(c2) / c1 * (1 - beta1) / sqrt(1 - beta2) * m~ / (sqrt(v~) + eps sqrt(c2) / sqrt(1 - beta2))
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        double stepSize = lr * Math.sqrt(c2) / c1 * (1 - beta1) / Math.sqrt(1 - beta2);
        double epsHat = eps * Math.sqrt(c2) / Math.sqrt(1 - beta2);
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = p.getGradient();
            g.attach(step);
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
