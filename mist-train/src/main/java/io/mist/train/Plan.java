package io.mist.train;

import io.mist.core.internal.Checks;

import java.util.List;

/**
 * The numbers a fit runs by, from the config and the data sizes: the batch size (at most the training
 * rows), whole batches per epoch (a last partial batch is dropped), the iteration budget, the evaluation
 * period and whether early stopping is on (it needs validation data).
 *
 * <p>The budget is {@code maxIterations} capped at {@code maxEpochs} epochs when either is given; else
 * {@link TrainConfig#DEFAULT_MAX_ITERATIONS} for in-memory data and {@link TrainConfig#DEFAULT_MAX_EPOCHS}
 * epochs for streamed data. {@code epochLimited} says whether the epoch count is what bounds it (the stop
 * reason is then {@link FitResult.StopReason#MAX_EPOCHS}).
 *
 * @param batch training batch size
 * @param perEpoch batches per epoch
 * @param maxIterations iteration budget
 * @param epochLimited whether the budget is a number of epochs
 * @param evalEvery iterations between validation evaluations
 * @param earlyStopping whether training stops when the validation value stops improving
 */
record Plan(int batch, int perEpoch, int maxIterations, boolean epochLimited, int evalEvery,
        boolean earlyStopping) {

    /**
     * The plan of a fit on {@code trainSize} training rows, {@code validSize} validation rows; notes what
     * it changed from the config.
     *
     * @throws IllegalArgumentException if there are fewer than 2 training rows
     */
    static Plan of(TrainConfig c, int trainSize, boolean inMemory, int validSize, List<String> notes) {
        if (trainSize < 2) {
            throw Checks.fail("need at least 2 training samples, got %d", trainSize);
        }
        int batch = c.batchSize();
        if (batch > trainSize) {
            notes.add(Checks.format("batch_size %d exceeds the %d training samples; using %d", batch, trainSize,
                    trainSize));
            batch = trainSize;
        }
        int perEpoch = trainSize / batch;
        long byEpochs = c.maxEpochs().map(e -> (long) e * perEpoch).orElse(Long.MAX_VALUE);
        long budget;
        boolean epochLimited;
        if (c.maxIterations().isPresent()) {
            budget = Math.min(c.maxIterations().get(), byEpochs);
            epochLimited = byEpochs < c.maxIterations().get();
        } else if (c.maxEpochs().isPresent()) {
            budget = byEpochs;
            epochLimited = true;
        } else {
            budget = inMemory ? TrainConfig.DEFAULT_MAX_ITERATIONS
                    : (long) TrainConfig.DEFAULT_MAX_EPOCHS * perEpoch;
            epochLimited = !inMemory;
        }
        int evalEvery = c.evalEvery() > 0 ? c.evalEvery() : perEpoch;
        boolean early = c.earlyStopping();
        if (early && validSize == 0) {
            notes.add("early stopping needs validation data (valid_percentage > 0); it was disabled");
            early = false;
        }
        return new Plan(batch, perEpoch, (int) Math.min(budget, Integer.MAX_VALUE), epochLimited, evalEvery, early);
    }

    /** The learning rate of iteration {@code it} (from 0): linear warm-up, then the annealing schedule. */
    static double learningRate(TrainConfig c, int it, int maxIterations) {
        double lr = c.learningRate();
        if (c.warmupIterations() > 0 && it < c.warmupIterations()) {
            lr *= (it + 1) / (double) c.warmupIterations();
        }
        if (c.annealing() == TrainConfig.Annealing.COSINE) {
            lr *= 0.5 * (1 + Math.cos(Math.PI * it / maxIterations));
        }
        return lr;
    }
}
