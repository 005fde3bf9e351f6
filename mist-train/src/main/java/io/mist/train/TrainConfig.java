package io.mist.train;

import ai.djl.Device;

import io.mist.core.Checks;
import io.mist.core.Seeds;
import io.mist.data.PairedData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link Trainer#fit} trains: batch size, length, Adam's learning rate and schedule, the validation
 * split and early stopping, device, threads, seed and listeners. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults follow torch_mist: batch 128, 10,000 iterations for in-memory data (20 epochs for streamed
 * data), Adam with learning rate 5e-4, 10% of the data held out for validation, early stopping on with
 * tolerance 1e-3. Patience is counted in evaluations (one per epoch by default). One PyTorch thread by
 * default, requested once before the engine starts ({@link EngineThreads}): for steps this small a second
 * intra-op thread is slower (measured in {@code NeuralBench}).
 *
 * @param batchSize training batch size
 * @param maxIterations iteration budget, empty for the default (10,000, or {@code maxEpochs} epochs for
 *     streamed data)
 * @param maxEpochs epoch budget, empty for none (20 for streamed data when no iteration budget is given)
 * @param learningRate Adam's learning rate
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param epsilon Adam's denominator guard
 * @param warmupIterations linear learning-rate warm-up length (0 = none)
 * @param annealing learning-rate schedule after warm-up
 * @param validFraction fraction of the data held out for validation when no validation data is given
 * @param validationData explicit validation data (then nothing is split off)
 * @param testData data on which the final value is reported, when given
 * @param earlyStopping whether to stop when the validation estimate stops improving, and restore the best
 *     parameters
 * @param patience evaluations without improvement before stopping
 * @param tolerance smallest change (nats) that counts as an improvement
 * @param evalEvery iterations between validation evaluations, 0 for once per epoch
 * @param evalBatchSize batch size of evaluations, 0 for the training batch size
 * @param device device of parameters and data
 * @param threads PyTorch intra-op threads requested for the engine, once per JVM before it starts
 *     ({@link EngineThreads}; 0 requests nothing); a fit never changes the engine's thread count
 * @param seed seed of the split, shuffling, initialisation and negatives (the engine's global generator is
 *     never seeded or used)
 * @param listeners progress listeners, called on the training thread
 */
public record TrainConfig(int batchSize, Optional<Integer> maxIterations, Optional<Integer> maxEpochs,
        double learningRate, double beta1, double beta2, double epsilon, int warmupIterations, Annealing annealing,
        double validFraction, Optional<PairedData> validationData, Optional<PairedData> testData,
        boolean earlyStopping, int patience, double tolerance, int evalEvery, int evalBatchSize, Device device,
        int threads, long seed, List<TrainListener> listeners) {

    /** Default iteration budget for in-memory data (torch_mist's). */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** Default epoch budget for streamed data (torch_mist's). */
    public static final int DEFAULT_MAX_EPOCHS = 20;

    /** Learning-rate schedule after warm-up. */
    public enum Annealing {
        /** Constant learning rate. */
        NONE,
        /** Cosine decay to zero over the iteration budget. */
        COSINE
    }

    /** Copies the listener list. */
    public TrainConfig {
        listeners = List.copyOf(listeners);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.batchSize = batchSize;
        b.maxIterations = maxIterations.orElse(null);
        b.maxEpochs = maxEpochs.orElse(null);
        b.learningRate = learningRate;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.epsilon = epsilon;
        b.warmupIterations = warmupIterations;
        b.annealing = annealing;
        b.validFraction = validFraction;
        b.validationData = validationData.orElse(null);
        b.testData = testData.orElse(null);
        b.earlyStopping = earlyStopping;
        b.patience = patience;
        b.tolerance = tolerance;
        b.evalEvery = evalEvery;
        b.evalBatchSize = evalBatchSize;
        b.device = device;
        b.threads = threads;
        b.seed = seed;
        b.listeners.addAll(listeners);
        return b;
    }

    /** The evaluation batch size in effect. */
    public int effectiveEvalBatchSize() {
        return evalBatchSize > 0 ? evalBatchSize : batchSize;
    }

    /** Validating builder; not thread-safe. */
    public static final class Builder {
        private int batchSize = 128;
        private Integer maxIterations;
        private Integer maxEpochs;
        private double learningRate = 5e-4;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private int warmupIterations;
        private Annealing annealing = Annealing.NONE;
        private double validFraction = 0.1;
        private PairedData validationData;
        private PairedData testData;
        private boolean earlyStopping = true;
        private int patience = 10;
        private double tolerance = 1e-3;
        private int evalEvery;
        private int evalBatchSize;
        private Device device = Device.cpu();
        private int threads = 1;
        private long seed = Seeds.DEFAULT_SEED;
        private final List<TrainListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** Training batch size (at least 2: negatives come from the batch). */
        public Builder batchSize(int v) {
            this.batchSize = v;
            return this;
        }

        /** Iteration budget. */
        public Builder maxIterations(int v) {
            this.maxIterations = v;
            return this;
        }

        /** Epoch budget. */
        public Builder maxEpochs(int v) {
            this.maxEpochs = v;
            return this;
        }

        /** Adam's learning rate. */
        public Builder learningRate(double v) {
            this.learningRate = v;
            return this;
        }

        /** Adam's betas. */
        public Builder betas(double b1, double b2) {
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        /** Adam's epsilon. */
        public Builder epsilon(double v) {
            this.epsilon = v;
            return this;
        }

        /** Linear warm-up of the learning rate over this many iterations. */
        public Builder warmupIterations(int v) {
            this.warmupIterations = v;
            return this;
        }

        /** Learning-rate schedule. */
        public Builder annealing(Annealing v) {
            this.annealing = v;
            return this;
        }

        /** Fraction held out for validation, in [0, 1). */
        public Builder validFraction(double v) {
            this.validFraction = v;
            return this;
        }

        /** Explicit validation data (disables the split). */
        public Builder validationData(PairedData v) {
            this.validationData = v;
            return this;
        }

        /** Data on which the final value is reported. */
        public Builder testData(PairedData v) {
            this.testData = v;
            return this;
        }

        /** Early stopping on the validation estimate, with restore-best. */
        public Builder earlyStopping(boolean v) {
            this.earlyStopping = v;
            return this;
        }

        /** Evaluations without improvement before stopping. */
        public Builder patience(int v) {
            this.patience = v;
            return this;
        }

        /** Smallest improvement that counts (nats). */
        public Builder tolerance(double v) {
            this.tolerance = v;
            return this;
        }

        /** Iterations between evaluations (0 = once per epoch). */
        public Builder evalEvery(int v) {
            this.evalEvery = v;
            return this;
        }

        /** Evaluation batch size (0 = training batch size). */
        public Builder evalBatchSize(int v) {
            this.evalBatchSize = v;
            return this;
        }

        /** Device. */
        public Builder device(Device v) {
            this.device = v;
            return this;
        }

        /** PyTorch intra-op threads requested once per JVM before the engine starts (0 = no request). */
        public Builder threads(int v) {
            this.threads = v;
            return this;
        }

        /** Seed of every stochastic step. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** Adds a listener. */
        public Builder listener(TrainListener l) {
            this.listeners.add(Checks.notNull("listener", l));
            return this;
        }

        /**
         * The validated config.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public TrainConfig build() {
            Checks.atLeast("batchSize", batchSize, 2);
            if (maxIterations != null) {
                Checks.atLeast("maxIterations", maxIterations, 1);
            }
            if (maxEpochs != null) {
                Checks.atLeast("maxEpochs", maxEpochs, 1);
            }
            Checks.positive("learningRate", learningRate);
            Checks.inOpenRange("beta1", beta1, 0, 1);
            Checks.inOpenRange("beta2", beta2, 0, 1);
            Checks.positive("epsilon", epsilon);
            Checks.atLeast("warmupIterations", warmupIterations, 0);
            Checks.notNull("annealing", annealing);
            if (!(validFraction >= 0 && validFraction < 1)) {
                throw Checks.fail("validFraction must be in [0, 1), got %s", validFraction);
            }
            Checks.atLeast("patience", patience, 1);
            Checks.nonNegative("tolerance", tolerance);
            Checks.atLeast("evalEvery", evalEvery, 0);
            Checks.atLeast("evalBatchSize", evalBatchSize, 0);
            if (evalBatchSize == 1) {
                throw Checks.fail("evalBatchSize must be 0 (training batch size) or at least 2, got 1");
            }
            Checks.notNull("device", device);
            Checks.atLeast("threads", threads, 0);
            return new TrainConfig(batchSize, Optional.ofNullable(maxIterations), Optional.ofNullable(maxEpochs),
                    learningRate, beta1, beta2, epsilon, warmupIterations, annealing, validFraction,
                    Optional.ofNullable(validationData), Optional.ofNullable(testData), earlyStopping, patience,
                    tolerance, evalEvery, evalBatchSize, device, threads, seed, listeners);
        }
    }
}
