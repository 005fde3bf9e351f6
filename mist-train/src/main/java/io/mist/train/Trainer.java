package io.mist.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.mist.core.BoundType;
import io.mist.core.Checks;
import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;
import io.mist.core.Seeds;
import io.mist.core.TrainingHistory;
import io.mist.train.data.PairedData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link NeuralEstimator} with Adam on shuffled mini-batches, with early stopping on a held-out
 * validation estimate, and evaluates it over whole data sets.
 *
 * <p><b>The loop.</b> In-memory data is uploaded to the engine once; each epoch it is permuted there with
 * one gather and batches are views of the permuted arrays. Streamed data is read batch by batch in the same
 * permuted order, so both give identical batches. Each step runs the estimator's
 * {@link NeuralEstimator#trainingStep} (one forward for positives and negatives), back-propagates, and
 * applies a hand-written {@link Adam} to the parameter arrays. With the PyTorch engine, gradient recording
 * is switched on once per fit (see {@link Autograd}). Every array a step makes lives in a sub-manager
 * closed at the end of the step.
 *
 * <p><b>Seeding.</b> The split, the epoch permutations and (inside estimators) the negatives come from
 * {@link Seeds} streams of {@link TrainConfig#seed()}; the engine's own generator is also seeded once per
 * fit with {@code Engine.getInstance().setRandomSeed(seed)} (a process-wide setting: concurrent fits share
 * it, which is harmless for the built-in estimators since they draw nothing from it). Same seed, same
 * result on CPU.
 *
 * <p><b>Early stopping.</b> Lower bounds (and estimates that are neither bound) are maximised, upper bounds
 * minimised; the best value starts at -inf (+inf). An evaluation improves when it beats the best by more
 * than the tolerance; then the parameter <i>values</i> are copied. After {@code patience} evaluations
 * without improvement training stops, and the copied values are written back.
 *
 * <p><b>Divergence.</b> The first non-finite loss, estimate or validation value stops training; the result
 * says so ({@link FitResult.StopReason#DIVERGED}) and, when an earlier evaluation was finite, the best
 * parameters are restored.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final long STREAM_SPLIT = 101;
    private static final long STREAM_SHUFFLE = 102;

    private Trainer() {
    }

    /**
     * The held-out split that {@link #fit} uses for {@code data} under {@code config}: rows
     * {@code [validation..., training...]} of a seeded permutation; each part sorted.
     *
     * @return {@code {trainRows, validRows}}
     */
    public static int[][] split(int n, TrainConfig config) {
        if (config.validationData().isPresent() || config.validFraction() == 0) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new int[][] {all, new int[0]};
        }
        int nValid = (int) Math.round(n * config.validFraction());
        nValid = Math.max(1, Math.min(nValid, n - 2));
        if (n < 3) {
            throw Checks.fail("need at least 3 samples to hold out validation data, got %d", n);
        }
        int[] perm = Seeds.permutation(n, Seeds.rng(config.seed(), STREAM_SPLIT));
        int[] valid = Arrays.copyOfRange(perm, 0, nValid);
        int[] train = Arrays.copyOfRange(perm, nValid, n);
        Arrays.sort(valid);
        Arrays.sort(train);
        return new int[][] {train, valid};
    }

    /**
     * Trains {@code estimator} on {@code data}.
     *
     * @throws IllegalArgumentException if the data is too small for one batch of two pairs
     */
    public static FitResult fit(NeuralEstimator estimator, PairedData data, TrainConfig config) {
        Checks.notNull("estimator", estimator);
        Checks.notNull("data", data);
        Checks.notNull("config", config);
        List<String> notes = new ArrayList<>();
        int[][] parts = split(data.size(), config);
        PairedData train = config.validationData().isPresent() || config.validFraction() == 0 ? data
                : data.subset(parts[0]);
        PairedData valid = config.validationData().orElse(parts[1].length > 0 ? data.subset(parts[1]) : null);
        if (train.size() < 2) {
            throw Checks.fail("need at least 2 training samples, got %d", train.size());
        }
        int batch = config.batchSize();
        if (batch > train.size()) {
            notes.add(Checks.format("batch size %d exceeds the %d training samples; using %d", batch, train.size(),
                    train.size()));
            batch = train.size();
        }
        int perEpoch = train.size() / batch;
        int maxIter = budget(config, data.inMemory(), perEpoch);
        int evalEvery = config.evalEvery() > 0 ? config.evalEvery() : perEpoch;
        boolean early = config.earlyStopping();
        if (early && valid == null) {
            notes.add("early stopping needs validation data (valid_percentage > 0); it was disabled");
            early = false;
        }
        boolean maximise = estimator.boundType() != BoundType.UPPER;
        for (TrainListener l : config.listeners()) {
            l.onStart(estimator.name(), maxIter, train.size(), valid == null ? 0 : valid.size());
        }
        LOG.debug("{}: training {} iterations (batch {}, {} per epoch, lr {}), {} training / {} validation rows",
                estimator.name(), maxIter, batch, perEpoch, config.learningRate(), train.size(),
                valid == null ? 0 : valid.size());

        Engine.getInstance().setRandomSeed((int) config.seed());
        int oldThreads = Autograd.threads();
        Autograd.setThreads(config.threads());
        boolean direct = Autograd.direct();
        boolean oldGrad = direct && Autograd.setGradMode(true);
        NDList params = estimator.parameters();
        TrainingHistory.Builder history = new TrainingHistory.Builder();
        long t0 = System.nanoTime();
        int it = 0;
        int epoch = 0;
        FitResult.StopReason reason = FitResult.StopReason.MAX_ITERATIONS;
        double best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        int bestIt = -1;
        int sinceBest = 0;
        int lastEval = 0;
        boolean restored = false;
        NDArray[] snapshot = null;
        String divergence = null;
        UniformRandomProvider shuffle = Seeds.rng(config.seed(), STREAM_SHUFFLE);
        try (NDManager root = params.get(0).getManager().newSubManager();
                Adam adam = new Adam(params, root, config.beta1(), config.beta2(), config.epsilon())) {
            NDArray ones = root.ones(new Shape(), params.get(0).getDataType());
            NDArray xAll = null;
            NDArray yAll = null;
            if (train.inMemory()) {
                int[] rows = new int[train.size()];
                Arrays.setAll(rows, i -> i);
                float[] xf = new float[rows.length * train.dimX()];
                float[] yf = new float[rows.length * train.dimY()];
                train.read(rows, xf, yf);
                xAll = root.create(xf, new Shape(rows.length, train.dimX()));
                yAll = root.create(yf, new Shape(rows.length, train.dimY()));
            }
            float[] xb = new float[batch * train.dimX()];
            float[] yb = new float[batch * train.dimY()];
            int[] rows = new int[batch];
            training:
            while (it < maxIter) {
                epoch++;
                int[] perm = Seeds.permutation(train.size(), shuffle);
                try (NDManager ep = root.newSubManager()) {
                    NDArray xe = null;
                    NDArray ye = null;
                    if (xAll != null) {
                        NDArray idx = ep.create(Arrays.stream(perm).asLongStream().toArray());
                        xe = xAll.get(ep, new NDIndex("{}", idx));
                        ye = yAll.get(ep, new NDIndex("{}", idx));
                    }
                    for (int b = 0; b < perEpoch && it < maxIter; b++) {
                        double loss;
                        double est;
                        try (NDManager step = root.newSubManager()) {
                            NDArray x;
                            NDArray y;
                            if (xe != null) {
                                NDIndex slice = new NDIndex().addSliceDim(b * batch, (b + 1) * batch);
                                x = xe.get(step, slice);
                                y = ye.get(step, slice);
                            } else {
                                System.arraycopy(perm, b * batch, rows, 0, batch);
                                train.read(rows, xb, yb);
                                x = step.create(xb, new Shape(batch, train.dimX()));
                                y = step.create(yb, new Shape(batch, train.dimY()));
                            }
                            double lr = learningRate(config, it, maxIter);
                            Optional<ExplicitStep> explicit = estimator.explicitStep(x, y);
                            if (explicit.isPresent()) {
                                ExplicitStep e = explicit.get();
                                e.gradients().attach(step);
                                loss = e.loss();
                                est = e.estimate();
                                if (Double.isFinite(loss) && Double.isFinite(est)) {
                                    boolean was = direct && Autograd.setGradMode(false);
                                    try {
                                        adam.update(lr, step, e.gradients());
                                    } finally {
                                        if (direct) {
                                            Autograd.setGradMode(was);
                                        }
                                    }
                                }
                            } else if (direct) {
                                NDList out = estimator.trainingStep(x, y);
                                out.attach(step);
                                loss = out.get(0).toFloatArray()[0];
                                est = out.get(1).toFloatArray()[0];
                                if (Double.isFinite(loss) && Double.isFinite(est)) {
                                    Autograd.backward(out.get(0), ones);
                                    Autograd.setGradMode(false);
                                    try {
                                        adam.update(lr, step);
                                    } finally {
                                        Autograd.setGradMode(true);
                                    }
                                }
                            } else {
                                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                    NDList out = estimator.trainingStep(x, y);
                                    out.attach(step);
                                    loss = out.get(0).toFloatArray()[0];
                                    est = out.get(1).toFloatArray()[0];
                                    if (Double.isFinite(loss) && Double.isFinite(est)) {
                                        gc.backward(out.get(0));
                                    }
                                }
                                if (Double.isFinite(loss) && Double.isFinite(est)) {
                                    adam.update(lr, step);
                                }
                            }
                        }
                        it++;
                        history.step(it, loss, est);
                        for (TrainListener l : config.listeners()) {
                            l.onStep(it, loss, est);
                        }
                        if (!Double.isFinite(loss) || !Double.isFinite(est)) {
                            divergence = Checks.format("training diverged at iteration %d: loss %s, estimate %s "
                                    + "(learning rate %s; try a smaller lr)", it, loss, est, config.learningRate());
                            reason = FitResult.StopReason.DIVERGED;
                            break training;
                        }
                        if (valid != null && it % evalEvery == 0) {
                            lastEval = it;
                            double v = evaluateNoGrad(estimator, valid, config.effectiveEvalBatchSize(), direct)
                                    .value();
                            if (!Double.isFinite(v)) {
                                divergence = Checks.format("training diverged at iteration %d: validation estimate "
                                        + "%s (learning rate %s; try a smaller lr)", it, v, config.learningRate());
                                reason = FitResult.StopReason.DIVERGED;
                                break training;
                            }
                            boolean improved = maximise ? v > best + config.tolerance()
                                    : v < best - config.tolerance();
                            if (improved) {
                                best = v;
                                bestIt = it;
                                sinceBest = 0;
                                snapshot = copyValues(params, root, snapshot, direct);
                            } else {
                                sinceBest++;
                            }
                            history.evaluation(it, v);
                            for (TrainListener l : config.listeners()) {
                                l.onEvaluation(it, v, best);
                            }
                            if (early && sinceBest >= config.patience()) {
                                reason = FitResult.StopReason.EARLY_STOPPING;
                                break training;
                            }
                        }
                    }
                }
                if (config.maxEpochs().isPresent() && epoch >= config.maxEpochs().get() && it < maxIter) {
                    reason = FitResult.StopReason.MAX_EPOCHS;
                    break;
                }
            }
            if (reason != FitResult.StopReason.DIVERGED && valid != null && lastEval != it) {
                double v = evaluateNoGrad(estimator, valid, config.effectiveEvalBatchSize(), direct).value();
                if (Double.isFinite(v)) {
                    history.evaluation(it, v);
                    boolean improved = maximise ? v > best + config.tolerance() : v < best - config.tolerance();
                    if (improved) {
                        best = v;
                        bestIt = it;
                        snapshot = copyValues(params, root, snapshot, direct);
                    }
                    for (TrainListener l : config.listeners()) {
                        l.onEvaluation(it, v, best);
                    }
                } else {
                    divergence = Checks.format("training diverged: final validation estimate %s (learning rate %s)",
                            v, config.learningRate());
                    reason = FitResult.StopReason.DIVERGED;
                }
            }
            if (snapshot != null && bestIt != it && (early || reason == FitResult.StopReason.DIVERGED)) {
                restore(params, snapshot, direct);
                restored = true;
            }
        } finally {
            if (direct) {
                Autograd.setGradMode(oldGrad);
            }
            Autograd.setThreads(oldThreads);
        }
        if (divergence != null) {
            notes.add(divergence + (restored ? Checks.format("; parameters restored to iteration %d", bestIt) : ""));
            LOG.warn("{}: {}", estimator.name(), divergence);
        }
        if (restored && reason != FitResult.StopReason.DIVERGED) {
            notes.add(Checks.format("%s after %d iterations; best validation estimate %.4f at iteration %d, "
                    + "parameters restored", reason == FitResult.StopReason.EARLY_STOPPING ? "early stopping"
                    : "training ended", it, best, bestIt));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        FitResult r = new FitResult(history.build(), it, epoch, seconds, reason, bestIt < 0 ? Double.NaN : best, bestIt,
                restored, Optional.ofNullable(valid), notes);
        LOG.debug("{}: {} after {} iterations in {} s ({} it/s), best validation {} at {}", estimator.name(), reason,
                it, seconds, r.iterationsPerSecond(), best, bestIt);
        for (TrainListener l : config.listeners()) {
            l.onEnd(r);
        }
        return r;
    }

    private static int budget(TrainConfig c, boolean inMemory, int perEpoch) {
        long byEpochs = c.maxEpochs().map(e -> (long) e * perEpoch).orElse(Long.MAX_VALUE);
        if (c.maxIterations().isPresent()) {
            return (int) Math.min(c.maxIterations().get(), byEpochs);
        }
        if (c.maxEpochs().isPresent()) {
            return (int) Math.min(byEpochs, Integer.MAX_VALUE);
        }
        return inMemory ? TrainConfig.DEFAULT_MAX_ITERATIONS : TrainConfig.DEFAULT_MAX_EPOCHS * perEpoch;
    }

    private static double learningRate(TrainConfig c, int it, int maxIter) {
        double lr = c.learningRate();
        if (c.warmupIterations() > 0 && it < c.warmupIterations()) {
            lr *= (it + 1) / (double) c.warmupIterations();
        }
        if (c.annealing() == TrainConfig.Annealing.COSINE) {
            lr *= 0.5 * (1 + Math.cos(Math.PI * it / maxIter));
        }
        return lr;
    }

    private static NDArray[] copyValues(NDList params, NDManager root, NDArray[] old, boolean direct) {
        boolean was = direct && Autograd.setGradMode(false);
        try {
            NDArray[] s = new NDArray[params.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = params.get(i).duplicate();
                s[i].attach(root);
                if (old != null) {
                    old[i].close();
                }
            }
            return s;
        } finally {
            if (direct) {
                Autograd.setGradMode(was);
            }
        }
    }

    private static void restore(NDList params, NDArray[] snapshot, boolean direct) {
        boolean was = direct && Autograd.setGradMode(false);
        try {
            for (int i = 0; i < snapshot.length; i++) {
                // an in-place copy into the same storage (views of the parameters stay valid); copyTo would
                // replace the storage
                params.get(i).set(new NDIndex("..."), snapshot[i]);
            }
        } finally {
            if (direct) {
                Autograd.setGradMode(was);
            }
        }
    }

    /**
     * The estimator's value over all of {@code data}: per-row values from batches of {@code batchSize}
     * (the last batch is filled up with the rows before it, so every batch has the full size and
     * batch-dependent bounds such as InfoNCE's {@code log B} ceiling do not change), without gradients.
     *
     * @throws IllegalArgumentException if {@code batchSize < 2}
     */
    public static Evaluation evaluate(NeuralEstimator estimator, PairedData data, int batchSize) {
        Checks.atLeast("batchSize", batchSize, 2);
        return evaluateNoGrad(estimator, data, batchSize, Autograd.direct());
    }

    private static Evaluation evaluateNoGrad(NeuralEstimator estimator, PairedData data, int batchSize,
            boolean direct) {
        boolean was = direct && Autograd.setGradMode(false);
        try {
            estimator.beginEvaluation();
            int n = data.size();
            int b = Math.min(batchSize, n);
            double[] out = new double[n];
            int[] rows = new int[b];
            float[] xf = new float[b * data.dimX()];
            float[] yf = new float[b * data.dimY()];
            double sum = 0;
            try (NDManager m = estimator.parameters().get(0).getManager().newSubManager()) {
                int done = 0;
                while (done < n) {
                    int start = Math.min(done, n - b);
                    for (int k = 0; k < b; k++) {
                        rows[k] = start + k;
                    }
                    data.read(rows, xf, yf);
                    try (NDManager step = m.newSubManager()) {
                        NDArray x = step.create(xf, new Shape(b, data.dimX()));
                        NDArray y = step.create(yf, new Shape(b, data.dimY()));
                        NDArray pw = estimator.pointwise(x, y);
                        pw.attach(step);
                        float[] v = pw.toFloatArray();
                        for (int k = done - start; k < b; k++) {
                            out[start + k] = v[k];
                        }
                    }
                    done = start + b;
                }
            }
            for (double v : out) {
                sum += v;
            }
            return new Evaluation(sum / n, out);
        } finally {
            if (direct) {
                Autograd.setGradMode(was);
            }
        }
    }
}
