package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * torch_mist's {@code affine_autoregressive} transform (a masked autoregressive flow step, Papamakarios et al.
 * 2017, with the masks of MADE, Germain et al. 2015): {@code y_i = z_i * exp(s_i) + m_i}, where
 * {@code [m, s] = MADE([y, x])} and output {@code i} depends only on {@code y_1..y_(i-1)} and on the context
 * {@code x} (absent when unconditional). Degrees: input {@code y_k} has degree {@code k} (1-based), the context
 * degree 0, hidden unit {@code j} degree {@code j mod d}; a weight connects units whose degrees do not decrease,
 * and output {@code i} sees hidden units of degree below {@code i}. The Jacobian is triangular, so the inverse
 * {@code z = (y - m(y)) * exp(-s(y))} and {@code log |det| = -sum_i s_i} take one pass (fast density); sampling
 * takes {@code d} passes. The output layer starts at zero (the identity map); the others use the chosen
 * initialisation.
 */
final class MaskedAutoregressive implements Bijection {
    private final int d;
    private final int dx;
    private final int[] sizes;
    private final int[] weights;
    private final int[] biases;
    private final float[][] masks;
    private final Nonlinearity activation;
    private final Init init;
    private FlatParameters params;
    private NDArray[] maskArrays;

    /** Registers a MADE {@code d + dx -> hidden... -> 2 d} in {@code layout}. */
    MaskedAutoregressive(FlatParameters.Layout layout, int d, int dx, int[] hidden, Nonlinearity activation,
            Init init) {
        this.d = d;
        this.dx = dx;
        this.activation = activation;
        this.init = init;
        int layers = hidden.length + 1;
        this.sizes = new int[layers + 1];
        sizes[0] = d + dx;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = 2 * d;
        this.weights = new int[layers];
        this.biases = new int[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = layout.add(sizes[l + 1], sizes[l]);
            biases[l] = layout.add(sizes[l + 1]);
        }
        int[][] degrees = new int[layers + 1][];
        degrees[0] = new int[d + dx];
        for (int k = 0; k < d; k++) {
            degrees[0][k] = k + 1;
        }
        for (int l = 1; l < layers; l++) {
            degrees[l] = new int[sizes[l]];
            for (int j = 0; j < sizes[l]; j++) {
                degrees[l][j] = j % d;
            }
        }
        degrees[layers] = new int[2 * d];
        for (int o = 0; o < 2 * d; o++) {
            degrees[layers][o] = o % d + 1;
        }
        this.masks = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int out = sizes[l + 1];
            int in = sizes[l];
            float[] m = new float[out * in];
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < in; k++) {
                    boolean last = l == layers - 1;
                    int dj = degrees[l + 1][j];
                    int dk = degrees[l][k];
                    m[j * in + k] = (last ? dj > dk : dj >= dk) ? 1f : 0f;
                }
            }
            masks[l] = m;
        }
    }

    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        for (int l = 0; l < weights.length - 1; l++) {
            Mlp.initLinear(layout, values, init, weights[l], biases[l], sizes[l], sizes[l + 1], rng);
        }
        // the output layer stays zero: the transform starts as the identity
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
        this.maskArrays = new NDArray[masks.length];
        for (int l = 0; l < masks.length; l++) {
            maskArrays[l] = p.constants().create(masks[l], new Shape(sizes[l + 1], sizes[l]));
        }
    }

    /** The mask of layer {@code l} ({@code [out, in]}, 1 where a weight may be non-zero), for tests. */
    float[] mask(int l) {
        return masks[l].clone();
    }

    /** {@code [m, s]}, each {@code [B, d]}, from {@code y} and the context. */
    NDArray[] shiftAndLogScale(NDArray y, NDArray context) {
        NDArray h = context == null ? y : y.concat(context, 1);
        int layers = weights.length;
        for (int l = 0; l < layers; l++) {
            NDArray w = params.view(weights[l], y.getManager()).mul(maskArrays[l]);
            h = Linear.linear(h, w, params.view(biases[l], y.getManager())).singletonOrThrow();
            if (l < layers - 1) {
                h = activation.apply(h);
            }
        }
        return new NDArray[] {h.get(new NDIndex(":, :{}", d)), h.get(new NDIndex(":, {}:", d))};
    }

    @Override
    public NDArray[] inverse(NDArray y, NDArray context) {
        NDArray[] ms = shiftAndLogScale(y, context);
        NDArray z = y.sub(ms[0]).mul(ms[1].neg().exp());
        return new NDArray[] {z, ms[1].sum(new int[] {1}).neg()};
    }

    @Override
    public NDArray forward(NDArray z, NDArray context) {
        // after pass i the first i coordinates are exact (output i depends only on the ones before it)
        NDArray y = z.zerosLike();
        for (int i = 0; i < d; i++) {
            NDArray[] ms = shiftAndLogScale(y, context);
            y = z.mul(ms[1].exp()).add(ms[0]);
        }
        return y;
    }

    /** Dimension of the context (0 when unconditional). */
    int contextDim() {
        return dx;
    }
}
