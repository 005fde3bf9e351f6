package io.mist.estimators.rmi;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nn.Nonlinearity;

import java.util.List;

/**
 * Settings of {@link FeatureExtraction}, validated on construction.
 *
 * @param featureDim dimension of the learned feature, 1 or 2 (default 1)
 * @param hiddenDims hidden layer sizes of the feature network (default {@code [32, 32]})
 * @param activation the smooth nonlinearity between layers (default tanh, so the feature and its Jacobian
 *     are smooth)
 * @param iterations training steps (default {@value #DEFAULT_ITERATIONS})
 * @param learningRate Adam's initial learning rate, decayed to 0 along a half cosine (default
 *     {@value #DEFAULT_LEARNING_RATE}; betas 0.9, 0.999)
 * @param bins bins per axis of the smooth histogram (default {@value #DEFAULT_BINS})
 * @param kernelWidth standard deviation of the Gaussian kernel that spreads each sample over the bins, in
 *     bin widths (default {@value #DEFAULT_KERNEL_WIDTH})
 * @param evalEvery steps between checks of the validation RMI (default {@value #DEFAULT_EVAL_EVERY})
 * @param seed seed of the initial weights (and of the batches when they are drawn from in-memory samples)
 */
public record ExtractionConfig(int featureDim, List<Integer> hiddenDims, Nonlinearity activation, int iterations,
        double learningRate, int bins, double kernelWidth, int evalEvery, long seed) {
    /** Default training steps. */
    public static final int DEFAULT_ITERATIONS = 500;
    /** Default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 1e-2;
    /** Default bins per axis of the smooth histogram. */
    public static final int DEFAULT_BINS = 60;
    /** Default kernel width in bins. */
    public static final double DEFAULT_KERNEL_WIDTH = 1.0;
    /** Default steps between validation checks. */
    public static final int DEFAULT_EVAL_EVERY = 25;
    /** Default hidden sizes. */
    public static final List<Integer> DEFAULT_HIDDEN_DIMS = List.of(32, 32);
    /** Default batch size of {@link FeatureExtraction#fit(io.mist.core.Samples, ExtractionConfig)}. */
    public static final int DEFAULT_BATCH_SIZE = 512;

    /** Validates the settings. */
    public ExtractionConfig {
        if (featureDim != 1 && featureDim != 2) {
            throw Checks.invalid("feature_dim", "feature_dim must be 1 or 2 (the smooth histogram's dimensions), "
                    + "got %d", featureDim);
        }
        hiddenDims = List.copyOf(Checks.notNull("hidden_dims", hiddenDims));
        for (int h : hiddenDims) {
            Checks.atLeast("hidden_dims", h, 1);
        }
        Checks.notNull("activation", activation);
        Checks.atLeast("iterations", iterations, 1);
        Checks.positive("lr", learningRate);
        Checks.atLeast("bins", bins, 2);
        Checks.positive("kernel_width", kernelWidth);
        Checks.atLeast("eval_every", evalEvery, 1);
    }

    /** The defaults. */
    public static ExtractionConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private int featureDim = 1;
        private List<Integer> hiddenDims = DEFAULT_HIDDEN_DIMS;
        private Nonlinearity activation = Nonlinearity.TANH;
        private int iterations = DEFAULT_ITERATIONS;
        private double learningRate = DEFAULT_LEARNING_RATE;
        private int bins = DEFAULT_BINS;
        private double kernelWidth = DEFAULT_KERNEL_WIDTH;
        private int evalEvery = DEFAULT_EVAL_EVERY;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** Steps between validation checks. */
        public Builder evalEvery(int v) {
            this.evalEvery = v;
            return this;
        }

        /** Feature dimension (1 or 2). */
        public Builder featureDim(int v) {
            this.featureDim = v;
            return this;
        }

        /** Hidden sizes. */
        public Builder hiddenDims(Integer... v) {
            this.hiddenDims = List.of(v);
            return this;
        }

        /** Activation. */
        public Builder activation(Nonlinearity v) {
            this.activation = v;
            return this;
        }

        /** Training steps. */
        public Builder iterations(int v) {
            this.iterations = v;
            return this;
        }

        /** Learning rate. */
        public Builder learningRate(double v) {
            this.learningRate = v;
            return this;
        }

        /** Smooth-histogram bins per axis. */
        public Builder bins(int v) {
            this.bins = v;
            return this;
        }

        /** Kernel width in bins. */
        public Builder kernelWidth(double v) {
            this.kernelWidth = v;
            return this;
        }

        /** The seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The validated config. */
        public ExtractionConfig build() {
            return new ExtractionConfig(featureDim, hiddenDims, activation, iterations, learningRate, bins,
                    kernelWidth, evalEvery, seed);
        }
    }
}
