package io.mist.estimators.quantized;

import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.estimators.discriminative.Bound;
import io.mist.estimators.discriminative.DiscriminativeConfig;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link PqEstimator}: the network, training, standardisation and cross-fitting settings shared
 * with the discriminative estimators ({@code critics}: {@code hidden_dims} of {@code q(k|x)}, the training
 * options, {@code activation}, {@code init}, {@code standardize}, {@code folds}, {@code device}), and how y is
 * quantized ({@code quantization}, {@code n_bins}).
 *
 * @param critics the shared settings (a {@link Bound#DV} config whose bound settings are unused)
 * @param quantization the quantizer of y (k-means by default)
 * @param nBins k-means clusters, or bins per column for the grid rules (at most {@link #MAX_CLASSES} classes)
 */
public record PqConfig(DiscriminativeConfig critics, Quantization quantization, int nBins) {
    /** Registered name. */
    public static final String NAME = "pq";
    /** Default {@code n_bins} (torch_mist's). */
    public static final int DEFAULT_N_BINS = 32;
    /** The most classes of {@code q(k|x)} (bins of y). */
    public static final int MAX_CLASSES = 4096;

    /** The options of {@code pq}. */
    public static final OptionSchema<Builder> SCHEMA = DiscriminativeConfig.network().on(Builder::critics)
            .and(intOption("n_bins", DEFAULT_N_BINS, "bins of y: k-means clusters, or bins per column for "
                    + "equal_width and quantile", Builder::nBins),
                    choiceOption("quantization", BinnedConfig.DEFAULT_QUANTIZATION, "quantizer of y: kmeans, "
                            + "equal_width or quantile", Quantization::id, Builder::quantization))
            .and(DiscriminativeConfig.fitting().on(Builder::critics));

    /** Validates every setting, naming it as users type it. */
    public PqConfig {
        Checks.notNull("critics", critics);
        Checks.notNull("quantization", quantization);
        Checks.atLeast("n_bins", nBins, 2);
        if (nBins > MAX_CLASSES) {
            throw Checks.invalid("n_bins", "n_bins must be at most %d, got %d", MAX_CLASSES, nBins);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. Not thread-safe. */
    public static final class Builder {
        private final DiscriminativeConfig.Builder critics = DiscriminativeConfig.builder(Bound.DV);
        private Quantization quantization = BinnedConfig.DEFAULT_QUANTIZATION;
        private int nBins = DEFAULT_N_BINS;

        private Builder() {
        }

        /** The network, training and measurement settings, to set them one by one. */
        public DiscriminativeConfig.Builder critics() {
            return critics;
        }

        /** The quantizer of y. */
        public Builder quantization(Quantization v) {
            this.quantization = v;
            return this;
        }

        /** Bins of y. */
        public Builder nBins(int v) {
            this.nBins = v;
            return this;
        }

        /** The validated config. */
        public PqConfig build() {
            return new PqConfig(critics.build(), quantization, nBins);
        }
    }
}
