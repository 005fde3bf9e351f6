package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.NeuralEstimator;
import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.train.internal.EngineThreads;

/**
 * Trains a {@link NeuralEstimator} with Adam on shuffled mini-batches, with early stopping on a held-out
 * validation estimate, and evaluates it over whole data sets.
 *
 * <p><b>The loop</b> ({@code TrainingLoop}). The data is split ({@link #split}); each epoch visits the
 * training rows in a seeded permutation, in whole batches ({@code BatchSource}: in-memory data is uploaded
 * once and permuted on the engine, streamed data is read batch by batch in the same order, so both give
 * identical batches). A step ({@code StepStrategy}) uses the estimator's own gradients
 * ({@link NeuralEstimator#explicitStep}) where it gives them, else autograd of
 * {@link NeuralEstimator#trainingStep} (PyTorch's backward called directly, see {@link Autograd}, or a DJL
 * gradient collector on other engines), then a hand-written {@link Adam} update. Every array a step makes
 * lives in a sub-manager closed at the end of the step.
 *
 * <p><b>Seeding and engine state.</b> The split, the epoch permutations and (inside the built-in
 * estimators) the initial parameters and the negatives come from {@link Seeds} streams of
 * {@link TrainConfig#seed()}, one generator per fit: nothing in a fit draws from the engine's global
 * generator, so the result does not depend on it and the trainer never sets it. A fit changes no
 * process-wide engine setting (PyTorch's thread count is requested once per JVM before the engine starts,
 * see {@link EngineThreads}); grad mode is PyTorch's thread-local flag, restored at the end. Fits on
 * different threads with their own estimators therefore run at once and give the same values as one after
 * the other. Same seed, same result on CPU.
 *
 * <p><b>Early stopping.</b> Lower bounds (and estimates that are neither bound) are maximised, upper bounds
 * minimised; the best value starts at -inf (+inf). An evaluation improves when it beats the best by more
 * than the tolerance; then the parameter <i>values</i> are copied. After {@code patience} evaluations
 * without improvement training stops, and the copied values are written back. When training ends between
 * evaluations the final parameters are evaluated once more.
 *
 * <p><b>Divergence.</b> The first non-finite loss, estimate or validation value stops training; the result
 * says so ({@link FitResult.StopReason#DIVERGED}, a diagnostic naming {@code lr}) and, when an earlier
 * evaluation was finite, the best parameters are restored. Training data that float32 cannot hold fails
 * at once with an {@link IllegalArgumentException}.
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * The held-out split that {@link #fit} uses for {@code data} under {@code config}: rows
     * {@code [validation..., training...]} of a seeded permutation; each part sorted.
     *
     * @return {@code {trainRows, validRows}}
     */
    public static int[][] split(int n, TrainConfig config) {
        return ValidationSplit.rows(n, config);
    }

    /**
     * Trains {@code estimator} on {@code data}.
     *
     * @throws IllegalArgumentException if the data is too small for one batch of two pairs, or holds values
     *     float32 cannot represent
     */
    public static FitResult fit(NeuralEstimator estimator, PairedData data, TrainConfig config) {
        Checks.notNull("estimator", estimator);
        Checks.notNull("data", data);
        Checks.notNull("config", config);
        return new TrainingLoop(estimator, data, config, Autograd.direct()).run();
    }

    /**
     * The estimator's value over all of {@code data}: per-row values from batches of {@code batchSize}
     * (the last batch is filled up with the rows before it, so every batch has the full size and
     * batch-dependent bounds such as InfoNCE's {@code log B} ceiling do not change), without gradients.
     *
     * @throws IllegalArgumentException if {@code batchSize < 2}
     */
    public static Evaluation evaluate(NeuralEstimator estimator, PairedData data, int batchSize) {
        Checks.atLeast("batch_size", batchSize, 2);
        return evaluate(estimator, data, batchSize, Autograd.direct());
    }

    static Evaluation evaluate(NeuralEstimator estimator, PairedData data, int batchSize, boolean direct) {
        return evaluate(estimator, data, batchSize, direct, false);
    }

    /**
     * Per-row values over {@code data}: the estimator's {@link NeuralEstimator#pointwise} values, or its
     * {@link NeuralEstimator#checkpointScore} when {@code score}.
     */
    static Evaluation evaluate(NeuralEstimator estimator, PairedData data, int batchSize, boolean direct,
            boolean score) {
        return Autograd.withGradMode(direct, false, () -> {
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
                        NDArray pw = score ? estimator.checkpointScore(x, y) : estimator.pointwise(x, y);
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
        });
    }
}
