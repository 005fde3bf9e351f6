package io.mist.estimators.latent;

/**
 * A trained encoder held in JVM arrays (no native memory): linear layers {@code h <- W h + b} with a leaky
 * ReLU of slope {@link #LEAKY_SLOPE} between them and none after the last, computed in double precision from
 * the float32 weights. Immutable.
 */
final class LatentEncoder {
    /** The slope of {@link io.mist.estimators.nn.Nonlinearity#LEAKY_RELU} (PyTorch's default). */
    static final double LEAKY_SLOPE = 0.01;

    private final float[][] weights;
    private final float[][] biases;
    private final int[] inputs;
    private final double slope;

    LatentEncoder(float[][] weights, float[][] biases, int[] inputs, double slope) {
        this.weights = weights;
        this.biases = biases;
        this.inputs = inputs;
        this.slope = slope;
    }

    /** Input columns. */
    int inputDim() {
        return inputs[0];
    }

    /** Output (latent) columns. */
    int outputDim() {
        return biases[biases.length - 1].length;
    }

    /** Number of trainable scalars. */
    int parameterCount() {
        int c = 0;
        for (int l = 0; l < weights.length; l++) {
            c += weights[l].length + biases[l].length;
        }
        return c;
    }

    /** The encoding of one input row {@code in} (already standardised and clipped). */
    double[] encode(double[] in) {
        double[] h = in;
        for (int l = 0; l < weights.length; l++) {
            float[] w = weights[l];
            float[] b = biases[l];
            int ni = inputs[l];
            double[] out = new double[b.length];
            for (int o = 0; o < b.length; o++) {
                double s = b[o];
                int row = o * ni;
                for (int i = 0; i < ni; i++) {
                    s += w[row + i] * h[i];
                }
                out[o] = l < weights.length - 1 && s < 0 ? slope * s : s;
            }
            h = out;
        }
        return h;
    }
}
