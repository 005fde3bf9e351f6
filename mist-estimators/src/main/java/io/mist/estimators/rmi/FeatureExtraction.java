package io.mist.estimators.rmi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Learns a feature {@code y = f(x)} (an MLP, {@link ExtractionConfig}) that maximises renormalized mutual
 * information, as Sarra, Aiello and Marquardt (2021, arXiv:2005.01912) do: on each batch the loss is
 * {@code -(H_smooth(y) - 1/2 mean_i log det(J_i J_i^T))}, where {@code H_smooth} is the entropy of a smooth
 * histogram (each sample spread over the bins by a Gaussian kernel of {@code kernel_width} bin widths, over
 * the batch's range of y, so that the entropy is differentiable in y) and {@code J_i} the network's exact
 * Jacobian (propagated through the layers). Adam updates the weights, its learning rate decayed from
 * {@code lr} to 0 along a half cosine over the iterations, so that the feature settles at the optimum instead of
 * moving with the batch noise. The weights returned are those of the last check whose RMI on validation rows
 * (Kozachenko-Leonenko entropy, measured every {@code eval_every} steps) is within 0.02 nats of the best check. The inputs are
 * standardised with the mean and standard deviation of the first batch (part of the returned feature).
 *
 * <p>The smooth histogram cannot resolve the feature below its kernel width, while the log-determinant term
 * rewards compressing it: trained long or fast enough, a network with hidden layers starts to gain batch RMI by
 * folding and compressing the feature below that scale, and its true RMI (measured with {@link RmiEstimator}
 * on other samples) falls. Choosing the weights by the validation RMI with the k-NN entropy, which has no such
 * floor, guards against it; still check the extracted feature with {@link RmiEstimator} on held-out samples.
 *
 * <p>Reproducible: the initial weights come from the config's seed; the batches from the supplier (seeded
 * by the same seed when drawn from in-memory samples). Each call owns its NDManager and closes it; the
 * returned {@link ExtractedFeature} holds plain Java arrays.
 */
public final class FeatureExtraction {
    /** Added to {@code det(J J^T)} inside the training loss, so that a vanishing gradient stays finite. */
    static final float TINY = 1e-12f;
    /** Adam's betas and epsilon (PyTorch's defaults). */
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    /**
     * A checkpoint is kept if its validation RMI is within this many nats of the best check: about two standard
     * deviations of the k-NN estimate on {@value #VALIDATION_ROWS} rows, so that among the checkpoints that the
     * noise cannot tell apart the latest (the most trained) is returned.
     */
    static final double SELECTION_TOLERANCE = 0.02;

    /** Most rows held out for validation by {@link #fit(Samples, ExtractionConfig)}. */
    public static final int VALIDATION_ROWS = 4096;
    /** Fewest validation rows (a fifth of the data). */
    static final int MIN_VALIDATION_ROWS = 20;

    private FeatureExtraction() {
    }

    /**
     * Trains on batches of {@link ExtractionConfig#DEFAULT_BATCH_SIZE} rows drawn from {@code data} (seeded by
     * the config's seed).
     */
    public static ExtractedFeature fit(Samples data, ExtractionConfig config) {
        Checks.notNull("config", config);
        Checks.notNull("data", data);
        int held = Math.min(VALIDATION_ROWS, data.n() / 5);
        if (held < MIN_VALIDATION_ROWS) {
            throw Checks.fail("data: %d rows are too few; feature extraction holds out a fifth (at least %d rows) "
                    + "to choose the best weights", data.n(), MIN_VALIDATION_ROWS);
        }
        int[] perm = Seeds.permutation(data.n(), Seeds.rng(config.seed(), RandomStream.RMI_FEATURE_VALIDATION));
        Samples validation = data.rows(java.util.Arrays.copyOfRange(perm, 0, held));
        Samples train = data.rows(java.util.Arrays.copyOfRange(perm, held, data.n()));
        return fit(BatchSupplier.sampling(train, ExtractionConfig.DEFAULT_BATCH_SIZE, config.seed()), validation,
                config);
    }

    /** As {@link #fit(BatchSupplier, Samples, ExtractionConfig)} without validation: the last weights are kept. */
    public static ExtractedFeature fit(BatchSupplier data, ExtractionConfig config) {
        return fit(data, null, config);
    }

    /**
     * Trains on {@code config.iterations()} batches from {@code data}. Every {@code eval_every} steps (and at the
     * last) the feature's RMI on {@code validation} is measured with the Kozachenko-Leonenko entropy
     * ({@link RmiEstimator}, {@code entropy=kl}, which has no resolution floor) and the weights with the highest
     * value (to 0.02 nats, the latest of those) are returned; without validation rows ({@code null}) the last
     * weights are.
     *
     * @throws IllegalArgumentException if a batch has fewer than 2 rows or another width than the first, or
     *     the loss stops being finite (the step is named)
     */
    public static ExtractedFeature fit(BatchSupplier data, Samples validation, ExtractionConfig config) {
        Checks.notNull("data", data);
        Checks.notNull("config", config);
        Samples first = batch(data, 0, -1);
        int dx = first.dim();
        int[] sizes = sizes(dx, config);
        float[] mean = new float[dx];
        float[] invSd = new float[dx];
        double[] means = first.means();
        double[] sds = first.standardDeviations();
        for (int j = 0; j < dx; j++) {
            if (!(sds[j] > 0)) {
                throw Checks.fail("data: column %d of the first batch is constant; a feature of it cannot be learned",
                        j);
            }
            mean[j] = (float) means[j];
            invSd[j] = (float) (1 / sds[j]);
        }
        List<float[]> init = initialWeights(sizes, config.seed());
        if (validation != null && validation.dim() != dx) {
            throw Checks.fail("validation has %d columns, the batches %d", validation.dim(), dx);
        }
        double[] history = new double[config.iterations()];
        List<Double> checks = new ArrayList<>();
        List<Integer> checkSteps = new ArrayList<>();
        List<List<float[]>> checkpoints = new ArrayList<>();
        List<float[]> trained = new ArrayList<>();
        int bestStep = -1;
        try (NDManager m = NDManager.newBaseManager()) {
            NDList params = new NDList();
            NDList moments = new NDList();
            NDList squares = new NDList();
            for (int l = 0; l + 1 < sizes.length; l++) {
                params.add(m.create(init.get(2 * l), new Shape(sizes[l + 1], sizes[l])));
                params.add(m.create(init.get(2 * l + 1), new Shape(sizes[l + 1])));
            }
            for (NDArray p : params) {
                p.setRequiresGradient(true);
                moments.add(p.zerosLike());
                squares.add(p.zerosLike());
            }
            NDArray meanArray = m.create(mean);
            NDArray invSdArray = m.create(invSd);
            for (int step = 0; step < config.iterations(); step++) {
                Samples b = step == 0 ? first : batch(data, step, dx);
                try (NDManager s = m.newSubManager()) {
                    s.tempAttachAll(params);
                    s.tempAttachAll(moments);
                    s.tempAttachAll(squares);
                    s.tempAttachAll(meanArray, invSdArray);
                    NDArray x = s.create(b.toFloatRowMajor(), new Shape(b.n(), dx));
                    double value;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray[] out = FeatureNetwork.forward(params, x, meanArray, invSdArray, config.activation());
                        NDArray rmi = smoothEntropy(out[0], config.bins(), (float) config.kernelWidth())
                                .sub(FeatureNetwork.logDetGram(out[1], TINY).mean().mul(0.5f));
                        value = rmi.getFloat();
                        if (!Double.isFinite(value)) {
                            throw Checks.fail("feature extraction diverged at step %d (the RMI of the batch is %s); "
                                    + "lower lr or change the seed", step, value);
                        }
                        gc.backward(rmi.neg());
                    }
                    history[step] = value;
                    double cosine = 0.5 * (1 + Math.cos(Math.PI * step / config.iterations()));
                    adam(params, moments, squares, step + 1, (float) (config.learningRate() * cosine));
                    boolean check = validation != null && ((step + 1) % config.evalEvery() == 0
                            || step + 1 == config.iterations());
                    if (check) {
                        checks.add(validationRmi(params, validation, meanArray, invSdArray, config));
                        checkSteps.add(step);
                        List<float[]> copy = new ArrayList<>();
                        for (NDArray p : params) {
                            copy.add(p.toFloatArray());
                        }
                        checkpoints.add(copy);
                    }
                }
            }
            double best = checks.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            for (int c = checks.size() - 1; c >= 0; c--) {
                if (checks.get(c) >= best - SELECTION_TOLERANCE) {
                    trained = checkpoints.get(c);
                    bestStep = checkSteps.get(c);
                    break;
                }
            }
            if (bestStep < 0) {
                trained.clear();
                for (NDArray p : params) {
                    trained.add(p.toFloatArray());
                }
                bestStep = config.iterations() - 1;
            }
        }
        return new ExtractedFeature(sizes, trained, mean, invSd, config.activation(), history,
                checks.stream().mapToDouble(Double::doubleValue).toArray(), bestStep, config.seed());
    }

    /** The feature's RMI on the validation rows (k-NN entropy); minus infinity where it is not defined. */
    private static double validationRmi(NDList params, Samples validation, NDArray mean, NDArray invSd,
            ExtractionConfig config) {
        NDManager m = params.get(0).getManager();
        NDArray[] out = FeatureNetwork.forward(params, m.create(validation.toFloatRowMajor(),
                new Shape(validation.n(), validation.dim())), mean, invSd, config.activation());
        int dy = config.featureDim();
        int dx = validation.dim();
        try {
            FeatureJacobian fj = new FeatureJacobian(Samples.ofRowMajor("feature values", toDoubles(out[0]),
                    validation.n(), dy), Jacobians.ofRowMajor("feature Jacobian", toDoubles(out[1]), validation.n(),
                    dy, dx));
            return new RmiEstimator(RmiConfig.builder().entropy(EntropyMethod.KL).maxSingularFraction(1)
                    .seed(config.seed()).build()).estimate(fj).value();
        } catch (IllegalArgumentException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static Samples batch(BatchSupplier data, int step, int dx) {
        Samples b = data.batch(step);
        if (b == null || b.n() < 2) {
            throw Checks.fail("data: the batch of step %d has %s rows; at least 2 are needed", step,
                    b == null ? "no" : Integer.toString(b.n()));
        }
        if (dx >= 0 && b.dim() != dx) {
            throw Checks.fail("data: the batch of step %d has %d columns, the first had %d", step, b.dim(), dx);
        }
        return b;
    }

    private static int[] sizes(int dx, ExtractionConfig config) {
        int[] sizes = new int[config.hiddenDims().size() + 2];
        sizes[0] = dx;
        for (int i = 0; i < config.hiddenDims().size(); i++) {
            sizes[i + 1] = config.hiddenDims().get(i);
        }
        sizes[sizes.length - 1] = config.featureDim();
        return sizes;
    }

    /** PyTorch's default for linear layers: weights and biases uniform in {@code +-1/sqrt(fanIn)}. */
    private static List<float[]> initialWeights(int[] sizes, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed, RandomStream.RMI_FEATURE_INIT);
        List<float[]> out = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            float[] w = new float[sizes[l + 1] * sizes[l]];
            float[] b = new float[sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            out.add(w);
            out.add(b);
        }
        return out;
    }

    /**
     * Entropy of the smooth histogram of {@code y [B, d]} ({@code d} 1 or 2): per axis, {@code bins} equal cells
     * over the batch's range (not differentiated), each sample spread over them by a Gaussian kernel of
     * {@code width} cells normalised to total 1; for 2-D the joint cell weights are the products of the axes'.
     * {@code H = -sum_c p_c log p_c + sum_axes log(cell width)}.
     */
    static NDArray smoothEntropy(NDArray y, int bins, float width) {
        NDManager m = y.getManager();
        long batch = y.getShape().get(0);
        int d = (int) y.getShape().get(1);
        NDArray[] weights = new NDArray[d];
        double logVolume = 0;
        for (int j = 0; j < d; j++) {
            NDArray col = y.get(":, " + j);
            float lo = col.min().getFloat();
            float hi = col.max().getFloat();
            float delta = (hi - lo) / bins;
            if (!(delta > 0)) {
                throw Checks.fail("feature extraction: feature component %d is constant on a batch; change the seed "
                        + "or the network", j);
            }
            logVolume += Math.log(delta);
            NDArray centers = m.arange(0f, (float) bins).add(0.5f).mul(delta).add(lo);
            NDArray u = col.expandDims(1).sub(centers.expandDims(0)).div(width * delta);
            NDArray w = u.square().mul(-0.5f).exp();
            weights[j] = w.div(w.sum(new int[] {1}, true));
        }
        NDArray p = d == 1 ? weights[0].sum(new int[] {0}) : weights[0].transpose().matMul(weights[1]);
        p = p.div((float) batch);
        return p.mul(p.add(1e-12f).log()).sum().neg().add((float) logVolume);
    }

    /** One Adam step (bias-corrected, PyTorch's form) from the parameters' gradients, which are then zeroed. */
    private static void adam(NDList params, NDList moments, NDList squares, int t, float lr) {
        float c1 = 1 - (float) Math.pow(BETA1, t);
        float c2 = 1 - (float) Math.pow(BETA2, t);
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = p.getGradient();
            moments.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            squares.get(i).muli(BETA2).addi(g.square().mul(1 - BETA2));
            NDArray denom = squares.get(i).div(c2).sqrt().add(EPS);
            p.subi(moments.get(i).div(c1).div(denom).mul(lr));
            g.subi(g);
        }
    }
}
