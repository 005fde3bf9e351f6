package io.mist.estimators.latent;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intOption;
import static io.mist.registry.OptionSchema.threadsOption;

import io.mist.core.internal.Checks;
import io.mist.registry.OptionSchema;
import io.mist.train.TrainConfig;

/**
 * Settings of {@link LatentEstimator} (latentmi's names and defaults where it has them), validated in the
 * constructor (the builder only calls it). The options are described once in {@link #SCHEMA}.
 *
 * @param nDims latent dimensions of each variable ({@code n_dims}, latentmi's {@code N_dims}; default
 *     {@value #DEFAULT_N_DIMS})
 * @param hiddenDim width of the one hidden layer of every encoder and decoder ({@code hidden_dim}); 0 (the
 *     default) means latentmi's input dimension / 4 (at least 1) per variable
 * @param alpha weight of the self-reconstruction loss ({@code alpha}; default 1)
 * @param lam weight of the regulariser ({@code lam}; default 1)
 * @param regularizer cross-reconstruction, MINE or InfoNCE ({@code regularizer}; default {@code ae-cross})
 * @param k neighbours of the KSG estimate on the latents ({@code k}; default {@value #DEFAULT_K})
 * @param clip standardised inputs are clipped to {@code [-clip, clip]} (latentmi's 10)
 * @param variance also estimate the variance by repeated partitions ({@code variance}; default false)
 * @param partitions number of partitions of the variance estimate ({@code partitions}; default
 *     {@value #DEFAULT_PARTITIONS}: into 2, 3, ..., 10 parts)
 * @param threads worker threads of the KSG step ({@code threads}; 0 = all cores, resolved here)
 * @param train the training settings: {@code validation_split} (the held-out fraction), {@code batch_size},
 *     {@code lr}, {@code max_epochs}, {@code patience}, the device and the seed of the fit
 */
public record LatentConfig(int nDims, int hiddenDim, double alpha, double lam, Regularizer regularizer, int k,
        double clip, boolean variance, int partitions, int threads, TrainConfig train) {

    /** Default latent dimensions per variable (latentmi's). */
    public static final int DEFAULT_N_DIMS = 8;
    /** Default hidden width: input dimension / 4 (latentmi's). */
    public static final int INPUT_QUARTER = 0;
    /** Default self-reconstruction weight. */
    public static final double DEFAULT_ALPHA = 1;
    /** Default regulariser weight. */
    public static final double DEFAULT_LAM = 1;
    /** Default regulariser. */
    public static final Regularizer DEFAULT_REGULARIZER = Regularizer.AE_CROSS;
    /** Default KSG neighbours. */
    public static final int DEFAULT_K = 3;
    /** Clip of the standardised inputs (latentmi's). */
    public static final double DEFAULT_CLIP = 10;
    /** Default held-out fraction (latentmi's {@code validation_split}). */
    public static final double DEFAULT_VALIDATION_SPLIT = 0.5;
    /** Default batch size (latentmi's). */
    public static final int DEFAULT_BATCH_SIZE = 512;
    /** Default Adam learning rate (latentmi's). */
    public static final double DEFAULT_LR = 1e-4;
    /** Adam's epsilon (latentmi's, Keras' default). */
    public static final double ADAM_EPSILON = 1e-7;
    /** Default epoch budget (latentmi's). */
    public static final int DEFAULT_MAX_EPOCHS = 300;
    /** Default early-stopping patience in epochs (latentmi's). */
    public static final int DEFAULT_PATIENCE = 30;
    /** Default number of partitions of the variance estimate (latentmi's). */
    public static final int DEFAULT_PARTITIONS = 9;
    /** Option name of the held-out fraction. */
    public static final String VALIDATION_SPLIT = "validation_split";

    /**
     * latentmi's training: batch 512, Adam lr 1e-4 (eps 1e-7), up to 300 epochs, half the rows held out,
     * early stopping on the held-out loss after 30 epochs without any decrease (tolerance 0), best weights
     * restored.
     */
    public static final TrainConfig DEFAULT_TRAIN = TrainConfig.builder().batchSize(DEFAULT_BATCH_SIZE)
            .learningRate(DEFAULT_LR).epsilon(ADAM_EPSILON).maxEpochs(DEFAULT_MAX_EPOCHS)
            .validFraction(DEFAULT_VALIDATION_SPLIT).patience(DEFAULT_PATIENCE).tolerance(0).build();

    /** The options of {@code lmi}: name as typed, type, default, doc, and the setter each value goes to. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.<Builder>of(
            intOption("n_dims", DEFAULT_N_DIMS, "latent dimensions of each variable", Builder::nDims),
            intOption("hidden_dim", INPUT_QUARTER, "hidden width of the encoders and decoders (0 = input "
                    + "dimension / 4, as latentmi)", Builder::hiddenDim),
            doubleOption("alpha", DEFAULT_ALPHA, "weight of the self-reconstruction loss", Builder::alpha),
            doubleOption("lam", DEFAULT_LAM, "weight of the regulariser", Builder::lam),
            choiceOption("regularizer", DEFAULT_REGULARIZER, "what ties the latents: cross-reconstruction, or a "
                    + "MINE or InfoNCE critic on the latent pair", Regularizer::id, Builder::regularizer),
            intOption("k", DEFAULT_K, "neighbours of the KSG estimate on the held-out latents", Builder::k),
            doubleOption(VALIDATION_SPLIT, DEFAULT_VALIDATION_SPLIT, "fraction of rows held out: early stopping "
                    + "and the KSG estimate", Builder::validationSplit),
            intOption("batch_size", DEFAULT_BATCH_SIZE, "training batch size", (b, v) -> b.train().batchSize(v)),
            doubleOption("lr", DEFAULT_LR, "Adam learning rate", (b, v) -> b.train().learningRate(v)),
            intOption("max_epochs", DEFAULT_MAX_EPOCHS, "epoch limit", (b, v) -> b.train().maxEpochs(v)),
            intOption("patience", DEFAULT_PATIENCE, "epochs without a lower held-out loss before stopping",
                    (b, v) -> b.train().patience(v)),
            booleanOption("variance", false, "also estimate the standard error by repeated partitions (Holmes-"
                    + "Nemenman subsampling; refits the whole pipeline 54 times at the default partitions)",
                    Builder::variance),
            intOption("partitions", DEFAULT_PARTITIONS, "partitions of the variance estimate (into 2, 3, ... "
                    + "parts)", Builder::partitions),
            threadsOption(Builder::threads))
            .and(TrainConfig.DEVICE.on(Builder::train))
            .and(OptionSchema.progressOption());

    /** Validates every setting, naming it as users type it; resolves {@code threads = 0} to all cores. */
    public LatentConfig {
        Checks.atLeast("n_dims", nDims, 1);
        Checks.atLeast("hidden_dim", hiddenDim, 0);
        Checks.nonNegative("alpha", alpha);
        Checks.nonNegative("lam", lam);
        if (!(alpha + lam > 0)) {
            throw Checks.invalid("alpha", "alpha and lam cannot both be 0 (nothing to train)");
        }
        Checks.notNull("regularizer", regularizer);
        Checks.atLeast("k", k, 1);
        Checks.positive("clip", clip);
        Checks.atLeast("partitions", partitions, 1);
        threads = Checks.threads("threads", threads);
        Checks.notNull("train", train);
        if (!(train.validFraction() > 0) || train.validationData().isPresent()) {
            throw Checks.invalid(VALIDATION_SPLIT, "%s must be in (0, 1): latent MI is measured on held-out rows, "
                    + "got %s", VALIDATION_SPLIT, train.validFraction());
        }
    }

    /** The hidden width for an input of {@code dim} columns. */
    public int hiddenWidth(int dim) {
        return hiddenDim > 0 ? hiddenDim : Math.max(1, dim / 4);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static LatentConfig defaults() {
        return builder().build();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. Not thread-safe. */
    public static final class Builder {
        private int nDims = DEFAULT_N_DIMS;
        private int hiddenDim = INPUT_QUARTER;
        private double alpha = DEFAULT_ALPHA;
        private double lam = DEFAULT_LAM;
        private Regularizer regularizer = DEFAULT_REGULARIZER;
        private int k = DEFAULT_K;
        private double clip = DEFAULT_CLIP;
        private boolean variance;
        private int partitions = DEFAULT_PARTITIONS;
        private int threads = OptionSchema.ALL_CORES;
        private double validationSplit = DEFAULT_VALIDATION_SPLIT;
        private TrainConfig.Builder train = DEFAULT_TRAIN.toBuilder();

        private Builder() {
        }

        /** Latent dimensions per variable. */
        public Builder nDims(int v) {
            this.nDims = v;
            return this;
        }

        /** Hidden width (0 = input dimension / 4). */
        public Builder hiddenDim(int v) {
            this.hiddenDim = v;
            return this;
        }

        /** Self-reconstruction weight. */
        public Builder alpha(double v) {
            this.alpha = v;
            return this;
        }

        /** Regulariser weight. */
        public Builder lam(double v) {
            this.lam = v;
            return this;
        }

        /** The regulariser. */
        public Builder regularizer(Regularizer v) {
            this.regularizer = v;
            return this;
        }

        /** KSG neighbours. */
        public Builder k(int v) {
            this.k = v;
            return this;
        }

        /** Clip of the standardised inputs. */
        public Builder clip(double v) {
            this.clip = v;
            return this;
        }

        /** Whether to estimate the variance by repeated partitions. */
        public Builder variance(boolean v) {
            this.variance = v;
            return this;
        }

        /** Partitions of the variance estimate. */
        public Builder partitions(int v) {
            this.partitions = v;
            return this;
        }

        /** KSG worker threads (0 = all cores). */
        public Builder threads(int v) {
            this.threads = v;
            return this;
        }

        /** Held-out fraction, in (0, 1). */
        public Builder validationSplit(double v) {
            this.validationSplit = v;
            return this;
        }

        /** The training settings being built (batch size, learning rate, epochs, patience, device, seed). */
        public TrainConfig.Builder train() {
            return train;
        }

        /** The seed of every stochastic step (split, initialisation, shuffling, KSG noise, partitions). */
        public Builder seed(long v) {
            train.seed(v);
            return this;
        }

        /**
         * The validated config.
         *
         * @throws io.mist.core.InvalidOptionException naming the first invalid setting
         */
        public LatentConfig build() {
            Checks.inOpenRange(VALIDATION_SPLIT, validationSplit, 0, 1);
            return new LatentConfig(nDims, hiddenDim, alpha, lam, regularizer, k, clip, variance, partitions,
                    threads, train.validFraction(validationSplit).build());
        }
    }
}
