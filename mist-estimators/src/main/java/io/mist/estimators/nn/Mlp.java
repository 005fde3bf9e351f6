package io.mist.estimators.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

import io.mist.core.Checks;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A multilayer perceptron {@code in -> hidden... -> out} with ReLU between layers and none after the last,
 * whose weights live in a {@link FlatParameters}. Forward passes use {@code Linear.linear} on the views, on
 * inputs of any leading shape {@code [..., in]}. Initialisation is PyTorch's default for linear layers:
 * weights and biases uniform in {@code +-1/sqrt(fanIn)}, drawn from a seeded generator.
 */
public final class Mlp {
    private final int[] sizes;
    private final int[] weights;
    private final int[] biases;

    /** Registers the layers of {@code in -> hidden... -> out} in {@code layout}. */
    public Mlp(FlatParameters.Layout layout, int in, int[] hidden, int out) {
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
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        for (int l = 0; l < weights.length; l++) {
            initLinear(layout, values, weights[l], biases[l], sizes[l], rng);
        }
    }

    /** PyTorch's default linear initialisation of one weight and bias with fan-in {@code fanIn}. */
    public static void initLinear(FlatParameters.Layout layout, float[] values, int weight, int bias, int fanIn,
            UniformRandomProvider rng) {
        double bound = 1 / Math.sqrt(fanIn);
        fill(layout, values, weight, bound, rng);
        if (bias >= 0) {
            fill(layout, values, bias, bound, rng);
        }
    }

    private static void fill(FlatParameters.Layout layout, float[] values, int id, double bound,
            UniformRandomProvider rng) {
        int off = layout.offset(id);
        long n = new ai.djl.ndarray.types.Shape(layout.shape(id)).size();
        for (int i = 0; i < n; i++) {
            values[off + i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
    }

    /** The output {@code [..., out]} for input {@code [..., in]}. */
    public NDArray forward(FlatParameters p, NDArray x) {
        return forwardFrom(p, 0, x);
    }

    /** Runs layers {@code from..} on {@code h} (the activated output of layer {@code from - 1}). */
    public NDArray forwardFrom(FlatParameters p, int from, NDArray h) {
        NDManager m = h.getManager();
        for (int l = from; l < weights.length; l++) {
            h = Linear.linear(h, p.view(weights[l], m), p.view(biases[l], m)).singletonOrThrow();
            if (l < weights.length - 1) {
                h = Activation.relu(h);
            }
        }
        return h;
    }
}
