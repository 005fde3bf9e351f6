package io.mist.estimators.rmi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import io.mist.estimators.nn.Nonlinearity;

/**
 * The forward pass of a feature network {@code y = MLP((x - mean) / sd)} together with its Jacobian, by
 * forward-mode propagation through the layers: {@code J_1 = diag(a'(z_1)) W_1 diag(1/sd)},
 * {@code J_{l+1} = diag(a'(z_{l+1})) W_{l+1} J_l}, the last layer linear. Written in NDArray operations, so that
 * first-order autograd differentiates the Jacobian too (which training on the log-determinant needs, without
 * second-order autograd). Parameters: weights {@code [out, in]} and biases {@code [out]} alternating.
 */
final class FeatureNetwork {
    private FeatureNetwork() {
    }

    /**
     * The feature {@code [B, dy]} and its Jacobian {@code [B, dy, dx]} at {@code x [B, dx]}.
     *
     * @param params weight, bias, weight, bias, ... ({@code 2 L} arrays)
     * @param mean input means {@code [dx]}
     * @param invSd inverse input standard deviations {@code [dx]}
     */
    static NDArray[] forward(NDList params, NDArray x, NDArray mean, NDArray invSd, Nonlinearity activation) {
        int layers = params.size() / 2;
        NDArray h = x.sub(mean).mul(invSd);
        // [1, dx, dx]: d standardised input / d x
        NDArray jac = x.getManager().eye((int) invSd.size()).mul(invSd.expandDims(0)).expandDims(0);
        for (int l = 0; l < layers; l++) {
            NDArray w = params.get(2 * l);
            NDArray z = h.matMul(w.transpose()).add(params.get(2 * l + 1));
            NDArray wj = w.matMul(jac);
            if (l < layers - 1) {
                h = activation.apply(z);
                NDArray slope = activation.backward(z, h, z.onesLike());
                jac = slope.expandDims(2).mul(wj);
            } else {
                h = z;
                jac = wj;
            }
        }
        if (jac.getShape().get(0) != h.getShape().get(0)) {
            jac = jac.broadcast(h.getShape().get(0), jac.getShape().get(1), jac.getShape().get(2));
        }
        return new NDArray[] {h, jac};
    }

    /**
     * {@code log det(J J^T)} per sample for {@code J [B, dy, dx]} with {@code dy} 1 or 2, with {@code tiny}
     * added to the determinant so that a vanishing Jacobian gives a large finite penalty rather than a
     * non-finite loss.
     */
    static NDArray logDetGram(NDArray jac, float tiny) {
        long dy = jac.getShape().get(1);
        if (dy == 1) {
            return jac.square().sum(new int[] {1, 2}).add(tiny).log();
        }
        NDArray gram = jac.matMul(jac.transpose(0, 2, 1));
        NDArray det = gram.get(":, 0, 0").mul(gram.get(":, 1, 1")).sub(gram.get(":, 0, 1").square());
        return det.add(tiny).log();
    }
}
