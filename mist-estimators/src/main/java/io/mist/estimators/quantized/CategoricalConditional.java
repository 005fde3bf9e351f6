package io.mist.estimators.quantized;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import io.mist.core.ConditionalDistribution;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A categorical {@code q(k | x) = softmax(MLP(x))_k} over {@code K} classes (PQ's model of the bin of y): an
 * MLP {@code dx -> hidden... -> K} on flat parameters gives the logits. The target {@code y} holds class
 * indices ({@code [B]} or {@code [B, 1]}, any numeric type); {@link #logProb} is the log-softmax at them, in
 * nats; {@link #sample} draws one class per row by inverse CDF on the JVM from the seed.
 */
final class CategoricalConditional implements ConditionalDistribution {
    private final Mlp net;
    private final FlatParameters params;
    private final int classes;

    /** {@code net} ({@code dx -> ... -> classes}) on {@code params}. */
    CategoricalConditional(Mlp net, FlatParameters params, int classes) {
        this.net = net;
        this.params = params;
        this.classes = classes;
    }

    /** The number of classes. */
    int classes() {
        return classes;
    }

    /** {@code log q(k | x_i)} for every class, {@code [B, K]}. */
    NDArray logProbs(NDArray x) {
        return net.forward(params, x).logSoftmax(1);
    }

    /** {@code log q(k_i | x_i)} from precomputed {@link #logProbs}, {@code [B]}. */
    NDArray pick(NDArray logProbs, NDArray k) {
        return logProbs.mul(k.reshape(-1).toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot(classes))
                .sum(new int[] {1});
    }

    @Override
    public int dim() {
        return 1;
    }

    @Override
    public NDArray logProb(NDArray x, NDArray y) {
        return pick(logProbs(x), y);
    }

    @Override
    public NDArray sample(NDArray x, long seed) {
        float[] p = logProbs(x).exp().toFloatArray();
        int b = p.length / classes;
        UniformRandomProvider rng = Seeds.rng(seed);
        float[] out = new float[b];
        for (int i = 0; i < b; i++) {
            double u = rng.nextDouble();
            double acc = 0;
            int k = classes - 1;
            for (int c = 0; c < classes; c++) {
                acc += p[i * classes + c];
                if (u < acc) {
                    k = c;
                    break;
                }
            }
            out[i] = k;
        }
        return x.getManager().create(out, new ai.djl.ndarray.types.Shape(b, 1));
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }
}
