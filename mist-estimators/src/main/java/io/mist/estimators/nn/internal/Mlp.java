package io.mist.estimators.nn.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;

import io.mist.core.internal.Checks;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;

import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A multilayer perceptron {@code in -> hidden... -> out} with a {@link Nonlinearity} between layers (ReLU by
 * default) and none after the last, whose weights live in a {@link FlatParameters}. Forward passes use
 * {@code Linear.linear} on the views, on inputs of any leading shape {@code [..., in]}. Initialisation follows
 * an {@link Init} scheme (PyTorch's default for linear layers unless chosen: weights and biases uniform in
 * {@code +-1/sqrt(fanIn)}), drawn from a seeded generator.
 */
public final class Mlp implements FlatModule {
    private final int[] sizes;
    private final int[] weights;
    private final int[] biases;
    private final Nonlinearity activation;
    private final Init init;

    /** Registers the layers of {@code in -> hidden... -> out} in {@code layout}, ReLU, PyTorch's init. */
    public Mlp(FlatParameters.Layout layout, int in, int[] hidden, int out) {
        this(layout, in, hidden, out, Nonlinearity.RELU, Init.DEFAULT);
    }

    /** Registers the layers of {@code in -> hidden... -> out} in {@code layout}. */
    public Mlp(FlatParameters.Layout layout, int in, int[] hidden, int out, Nonlinearity activation, Init init) {
        this.activation = Checks.notNull("activation", activation);
        this.init = Checks.notNull("init", init);
        Checks.atLeast("input size", in, 1);
        Checks.atLeast("output size", out, 1);
        this.sizes = new int[hidden.length + 2];
        sizes[0] = in;
        for (int i = 0; i < hidden.length; i++) {
            sizes[i + 1] = Checks.atLeast("hidden size", hidden[i], 1);
        }
        sizes[sizes.length - 1] = out;
        int layers = sizes.length - 1;
        this.weights = new int[layers];
        this.biases = new int[layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = layout.add(sizes[l + 1], sizes[l]);
            biases[l] = layout.add(sizes[l + 1]);
        }
    }

    /** Number of linear layers. */
    public int layers() {
        return weights.length;
    }

    /** Id of layer {@code l}'s weight {@code [out, in]}. */
    public int weight(int l) {
        return weights[l];
    }

    /** Id of layer {@code l}'s bias. */
    public int bias(int l) {
        return biases[l];
    }

    /** Writes the initial values into {@code values} at the layout's offsets. */
    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        for (int l = 0; l < weights.length; l++) {
            initLinear(layout, values, init, weights[l], biases[l], sizes[l], sizes[l + 1], rng);
        }
    }

    /**
     * Initialises one linear layer's weight (scheme {@code init}) and bias ({@code bias < 0}: none), weights
     * first, with fan-in {@code fanIn} and fan-out {@code fanOut}.
     */
    public static void initLinear(FlatParameters.Layout layout, float[] values, Init init, int weight, int bias,
            int fanIn, int fanOut, UniformRandomProvider rng) {
        init.fillWeights(values, layout.offset(weight), size(layout, weight), fanIn, fanOut, rng);
        if (bias >= 0) {
            Init.fillBiases(values, layout.offset(bias), size(layout, bias), fanIn, rng);
        }
    }

    private static int size(FlatParameters.Layout layout, int id) {
        return Math.toIntExact(new ai.djl.ndarray.types.Shape(layout.shape(id)).size());
    }

    /** The activation between layers. */
    public Nonlinearity activation() {
        return activation;
    }

    /** The output {@code [..., out]} for input {@code [..., in]}. */
    public NDArray forward(FlatParameters p, NDArray x) {
        return forwardFrom(p, 0, x);
    }

    /** Runs layers {@code from..} on {@code h} (the activated output of layer {@code from - 1}). */
    public NDArray forwardFrom(FlatParameters p, int from, NDArray h) {
        NDManager m = h.getManager();
        return trace(id -> p.view(id, m), from, h).output();
    }

    /**
     * A forward pass kept for {@link #backward}: the input of every layer and the pre-activations of the
     * hidden layers. Made by {@link #trace}; its arrays belong to the input's manager.
     */
    public static final class Trace {
        private final NDArray[] inputs;
        private final NDArray[] pre;
        private final NDArray output;
        private final int from;

        private Trace(NDArray[] inputs, NDArray[] pre, NDArray output, int from) {
            this.inputs = inputs;
            this.pre = pre;
            this.output = output;
            this.from = from;
        }

        /** The output {@code [N, out]}. */
        public NDArray output() {
            return output;
        }
    }

    /**
     * {@link #forwardFrom} on the parameters' {@linkplain FlatParameters#fixedView fixed views} (no
     * autograd history), keeping what {@link #backward} needs. {@code h} is 2-D, {@code [N, in]}.
     */
    public Trace trace(FlatParameters p, int from, NDArray h) {
        return trace(p::fixedView, from, h);
    }

    /** Layers {@code from..} on {@code h}, with parameter {@code id} given by {@code views}, kept. */
    public Trace trace(IntFunction<NDArray> views, int from, NDArray h) {
        int layers = weights.length;
        NDArray[] inputs = new NDArray[layers];
        NDArray[] pre = new NDArray[layers];
        for (int l = from; l < layers; l++) {
            inputs[l] = h;
            NDArray z = Linear.linear(h, views.apply(weights[l]), views.apply(biases[l])).singletonOrThrow();
            if (l < layers - 1) {
                pre[l] = z;
                h = activation.apply(z);
            } else {
                h = z;
            }
        }
        return new Trace(inputs, pre, h, from);
    }

    /**
     * Back-propagates {@code dOut} (the gradient of the output, {@code [N, out]}) through the traced layers,
     * adding each weight's and bias's gradient to {@code g}: for {@code z = h W^T + b}, {@code dW = dz^T h},
     * {@code db = sum_n dz}, {@code dh = dz W}, and through the activation {@code dz = f'(z) dh}.
     *
     * @param inputGradient whether to compute the gradient of the traced input
     * @return the gradient of the traced input {@code [N, in]}, or null
     */
    public NDArray backward(FlatParameters p, Trace t, NDArray dOut, FlatParameters.Gradient g,
            boolean inputGradient) {
        NDArray dz = dOut;
        NDArray dh = null;
        for (int l = weights.length - 1; l >= t.from; l--) {
            g.add(weights[l], dz.transpose().matMul(t.inputs[l]));
            g.add(biases[l], dz.sum(new int[] {0}));
            if (l == t.from && !inputGradient) {
                return null;
            }
            dh = dz.matMul(p.fixedView(weights[l]));
            if (l > t.from) {
                dz = activation.backward(t.pre[l - 1], t.inputs[l], dh);
            }
        }
        return dh;
    }
}
