package io.mist.train;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.registry.OptionSchema;
import io.mist.train.internal.EngineThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link Trainer#fit} trains: batch size, length, Adam's learning rate and schedule, the validation
 * split and early stopping, device, threads, seed and listeners. Immutable and validated in the constructor
 * (the builder only calls it); messages use the option names users type ({@code batch_size}, {@code lr},
 * {@code valid_percentage}, ...). The options of the training loop are described once in {@link #SCHEMA}
 * and {@link #DEVICE}. Build with {@link #builder()}.
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
 * @param device where the fit runs ({@code device}; resolved when a fit starts)
 * @param threads PyTorch intra-op threads requested for the engine, once per JVM before it starts
 *     ({@link EngineThreads}; 0 requests nothing); a fit never changes the engine's thread count
 * @param seed the one seed of a fit: the split, shuffling, initialisation and negatives (the estimator built
 *     from this config reports it; nothing overrides it; the engine's global generator is never seeded or
 *     used)
 * @param listeners progress listeners, called on the training thread
 */
public record TrainConfig(int batchSize, Optional<Integer> maxIterations, Optional<Integer> maxEpochs,
        double learningRate, double beta1, double beta2, double epsilon, int warmupIterations, Annealing annealing,
        double validFraction, Optional<PairedData> validationData, Optional<PairedData> testData,
        boolean earlyStopping, int patience, double tolerance, int evalEvery, int evalBatchSize, DeviceChoice device,
        int threads, long seed, List<TrainListener> listeners) {

    /** Default iteration budget for in-memory data (torch_mist's). */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** Default epoch budget for streamed data (torch_mist's). */
    public static final int DEFAULT_MAX_EPOCHS = 20;
    /** Option value of {@code max_epochs} meaning no epoch limit. */
    public static final int NO_EPOCH_LIMIT = 0;
    /** Default batch size (torch_mist's). */
    public static final int DEFAULT_BATCH_SIZE = 128;
    /** Default Adam learning rate. */
    public static final double DEFAULT_LR = 5e-4;
    /** Default Adam first-moment decay. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** Default Adam second-moment decay. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** Default Adam denominator guard. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** Default fraction held out for validation. */
    public static final double DEFAULT_VALID_PERCENTAGE = 0.1;
    /** Default of early stopping. */
    public static final boolean DEFAULT_EARLY_STOPPING = true;
    /** Default patience, in evaluations. */
    public static final int DEFAULT_PATIENCE = 10;
    /** Default smallest improvement (nats). */
    public static final double DEFAULT_TOLERANCE = 1e-3;
    /** Default device. */
    public static final DeviceChoice DEFAULT_DEVICE = DeviceChoice.AUTO;
    /** Default PyTorch intra-op threads (one: measured faster for these small steps). */
    public static final int DEFAULT_THREADS = 1;

    /** The training-loop options with this class's defaults. */
    public static final OptionSchema<Builder> SCHEMA = options(builder().build());

    /**
     * The training-loop options, as users type them (torch_mist's names), with the defaults of {@code d} (an
     * estimator whose defaults differ, e.g. a longer patience, passes its own).
     */
    public static OptionSchema<Builder> options(TrainConfig d) {
        return OptionSchema.of(
                intOption("batch_size", d.batchSize(), "training and evaluation batch size", Builder::batchSize),
                intOption("max_iterations", d.maxIterations().orElse(DEFAULT_MAX_ITERATIONS), "training iterations",
                        Builder::maxIterations),
                intOption("max_epochs", d.maxEpochs().orElse(NO_EPOCH_LIMIT), "epoch limit (0 = none)",
                        Builder::maxEpochs),
                doubleOption("lr", d.learningRate(), "Adam learning rate", Builder::learningRate),
                doubleOption("valid_percentage", d.validFraction(), "fraction held out for validation and the value",
                        Builder::validFraction),
                booleanOption("early_stopping", d.earlyStopping(), "stop when validation stops improving; restore best",
                        Builder::earlyStopping),
                intOption("patience", d.patience(), "evaluations (one per epoch) without improvement before stopping",
                        Builder::patience),
                doubleOption("tolerance", d.tolerance(), "smallest improvement that counts (nats)", Builder::tolerance));
    }

    /** The {@code device} option. */
    public static final OptionSchema<Builder> DEVICE = OptionSchema.of(choiceOption("device", DEFAULT_DEVICE,
            "cpu, gpu or auto (gpu when present)", Builder::device));

    /** Learning-rate schedule after warm-up. */
    public enum Annealing {
        /** Constant learning rate. */
        NONE,
        /** Cosine decay to zero over the iteration budget. */
        COSINE
    }

    /** Validates every setting, naming it as users type it; copies the listener list. */
    public TrainConfig {
        Checks.atLeast("batch_size", batchSize, 2);
        Checks.notNull("max_iterations", maxIterations).ifPresent(v -> Checks.atLeast("max_iterations", v, 1));
        Checks.notNull("max_epochs", maxEpochs).ifPresent(v -> {
            if (v < 1) {
                throw Checks.invalid("max_epochs", "max_epochs must be at least 1 (or 0 for no limit), got %d", v);
            }
        });
        Checks.positive("lr", learningRate);
        Checks.inOpenRange("beta1", beta1, 0, 1);
        Checks.inOpenRange("beta2", beta2, 0, 1);
        Checks.positive("epsilon", epsilon);
        Checks.atLeast("warmup_iterations", warmupIterations, 0);
        Checks.notNull("annealing", annealing);
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw Checks.invalid("valid_percentage", "valid_percentage must be in [0, 1), got %s", validFraction);
        }
        Checks.notNull("validation data", validationData);
        Checks.notNull("test data", testData);
        Checks.atLeast("patience", patience, 1);
        Checks.nonNegative("tolerance", tolerance);
        Checks.atLeast("eval_every", evalEvery, 0);
        Checks.atLeast("eval_batch_size", evalBatchSize, 0);
        if (evalBatchSize == 1) {
            throw Checks.invalid("eval_batch_size",
                    "eval_batch_size must be 0 (the training batch size) or at least 2, got 1");
        }
        Checks.notNull("device", device);
        Checks.atLeast("threads", threads, 0);
        listeners = List.copyOf(Checks.notNull("listeners", listeners));
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
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Integer maxIterations;
        private Integer maxEpochs;
        private double learningRate = DEFAULT_LR;
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private double epsilon = DEFAULT_EPSILON;
        private int warmupIterations;
        private Annealing annealing = Annealing.NONE;
        private double validFraction = DEFAULT_VALID_PERCENTAGE;
        private PairedData validationData;
        private PairedData testData;
        private boolean earlyStopping = DEFAULT_EARLY_STOPPING;
        private int patience = DEFAULT_PATIENCE;
        private double tolerance = DEFAULT_TOLERANCE;
        private int evalEvery;
        private int evalBatchSize;
        private DeviceChoice device = DEFAULT_DEVICE;
        private int threads = DEFAULT_THREADS;
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

        /** Epoch budget ({@value TrainConfig#NO_EPOCH_LIMIT} = none). */
        public Builder maxEpochs(int v) {
            this.maxEpochs = v == NO_EPOCH_LIMIT ? null : v;
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
        public Builder device(DeviceChoice v) {
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
         * @throws io.mist.core.InvalidOptionException naming the first invalid setting
         */
        public TrainConfig build() {
            return new TrainConfig(batchSize, Optional.ofNullable(maxIterations), Optional.ofNullable(maxEpochs),
                    learningRate, beta1, beta2, epsilon, warmupIterations, annealing, validFraction,
                    Optional.ofNullable(validationData), Optional.ofNullable(testData), earlyStopping, patience,
                    tolerance, evalEvery, evalBatchSize, device, threads, seed, listeners);
        }
    }
}
