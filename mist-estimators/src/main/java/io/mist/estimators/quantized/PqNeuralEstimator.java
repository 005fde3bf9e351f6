package io.mist.estimators.quantized;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.NeuralEstimator;
import io.mist.core.Quantizer;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.estimators.discriminative.DiscriminativeConfig;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * PQ's trainable part: a quantizer {@code Q} of y and the marginal {@code p(k)} of its bins, both fitted on
 * the training rows, and the categorical {@code q(k | x)} ({@link CategoricalConditional}) trained by maximum
 * likelihood. On a batch, {@code k_i = Q(y_i)} (computed on the JVM with the {@link Quantizer}), the
 * pointwise value is {@code log q(k_i | x_i) - log p(k_i)} and the loss {@code -mean_i log q(k_i | x_i)}.
 * The marginal is smoothed, {@code p(k) = (c_k + 1/2) / (n + K/2)} with {@code c_k} the training count, so a
 * bin empty in training keeps a finite value. Not thread-safe; owns its parameters until {@link #close()}.
 */
final class PqNeuralEstimator implements NeuralEstimator {
    private static final int CHUNK = 4096;

    private final Quantizer quantizer;
    private final CategoricalConditional q;
    private final FlatParameters flat;
    private final NDArray logMarginal;
    private final int dy;

    private PqNeuralEstimator(Quantizer quantizer, CategoricalConditional q, FlatParameters flat,
            NDArray logMarginal, int dy) {
        this.quantizer = quantizer;
        this.q = q;
        this.flat = flat;
        this.logMarginal = logMarginal;
        this.dy = dy;
    }

    /** The quantizer, marginal and {@code q(k|x)} of {@code c}, fitted on (and initialised for) {@code training}. */
    static PqNeuralEstimator create(PqConfig c, PairedData training, int dx, int dy, NDManager manager, long seed) {
        Samples y = ys(training);
        Quantizer quantizer = c.quantization().fit(y, c.nBins(), Seeds.rng(seed, RandomStream.QUANTIZER, 1));
        int k = quantizer.bins();
        if (k > PqConfig.MAX_CLASSES) {
            throw Checks.invalid("n_bins", "%d bins per column of the %d columns of y make %d classes, more than "
                    + "%d; use quantization=kmeans or fewer n_bins", c.nBins(), dy, k, PqConfig.MAX_CLASSES);
        }
        double[] counts = new double[k];
        for (int b : quantizer.indices(y)) {
            counts[b]++;
        }
        float[] logP = new float[k];
        for (int b = 0; b < k; b++) {
            logP[b] = (float) Math.log((counts[b] + 0.5) / (y.n() + 0.5 * k));
        }
        DiscriminativeConfig n = c.critics();
        FlatParameters.Layout layout = new FlatParameters.Layout();
        Mlp mlp = new Mlp(layout, dx, n.hiddenSizes(), k, n.activation(), n.init());
        float[] values = new float[layout.size()];
        UniformRandomProvider rng = Seeds.rng(seed, RandomStream.CRITIC_INIT);
        mlp.initialize(layout, values, rng);
        FlatParameters flat = new FlatParameters(layout, values, manager);
        NDArray logMarginal = flat.constants().create(logP);
        return new PqNeuralEstimator(quantizer, new CategoricalConditional(mlp, flat, k), flat, logMarginal, dy);
    }

    /** The y rows of {@code data}, read in chunks. */
    private static Samples ys(PairedData data) {
        int n = data.size();
        int d = data.dimY();
        double[] all = new double[n * d];
        float[] x = new float[CHUNK * data.dimX()];
        float[] y = new float[CHUNK * d];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            int[] rows = new int[len];
            for (int i = 0; i < len; i++) {
                rows[i] = start + i;
            }
            data.read(rows, x, y);
            for (int i = 0; i < len * d; i++) {
                all[start * d + i] = y[i];
            }
        }
        return Samples.ofRowMajor("y", all, n, d);
    }

    /** {@code Q(y_i)} of a batch, as an index array in the batch's manager. */
    private NDArray bins(NDArray y) {
        float[] v = y.toFloatArray();
        int b = v.length / dy;
        long[] k = new long[b];
        double[] row = new double[dy];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < dy; j++) {
                row[j] = v[i * dy + j];
            }
            k[i] = quantizer.index(row);
        }
        return y.getManager().create(k);
    }

    /** {@code [log q(k_i | x_i), log q(k_i | x_i) - log p(k_i)]}. */
    private NDArray[] terms(NDArray x, NDArray y) {
        NDArray k = bins(y);
        NDArray logq = q.pick(q.logProbs(x), k);
        NDArray logp = logMarginal.get(k);
        return new NDArray[] {logq, logq.sub(logp)};
    }

    @Override
    public String name() {
        return PqConfig.NAME;
    }

    @Override
    public NDList trainingStep(NDArray x, NDArray y) {
        NDArray[] t = terms(x, y);
        return new NDList(t[0].mean().neg(), t[1].mean().stopGradient());
    }

    @Override
    public NDArray loss(NDArray x, NDArray y) {
        return trainingStep(x, y).get(0);
    }

    @Override
    public NDArray pointwise(NDArray x, NDArray y) {
        return terms(x, y)[1];
    }

    @Override
    public BoundType boundType() {
        return BoundType.LOWER;
    }

    @Override
    public NDList parameters() {
        return new NDList(flat.array());
    }

    @Override
    public void close() {
        flat.close();
    }
}
