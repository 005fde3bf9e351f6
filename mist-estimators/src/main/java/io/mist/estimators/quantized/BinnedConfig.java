package io.mist.estimators.quantized;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nonparametric.DiscreteConfig;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link BinnedEstimator}; options described once in {@link #SCHEMA}.
 *
 * @param quantization how x and y are cut into bins ({@code quantization}; k-means by default, as torch_mist)
 * @param nBins bins of each variable ({@code n_bins}; k-means clusters, or bins per column for the grid rules)
 * @param millerMadow add the Miller-Madow correction to the plug-in estimate ({@code miller_madow})
 * @param seed the seed of the k-means++ seeding
 */
public record BinnedConfig(Quantization quantization, int nBins, boolean millerMadow, long seed) {
    /** Default {@code n_bins} (torch_mist's {@code binned} default). */
    public static final int DEFAULT_N_BINS = 32;
    /** Default quantization (torch_mist's). */
    public static final Quantization DEFAULT_QUANTIZATION = Quantization.KMEANS;

    /** The options of {@code binned}. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            intOption("n_bins", DEFAULT_N_BINS, "bins of x and of y: k-means clusters, or bins per column for "
                    + "equal_width and quantile", Builder::nBins),
            choiceOption("quantization", DEFAULT_QUANTIZATION, "kmeans (vector quantization), equal_width or "
                    + "quantile (per-column grids)", Quantization::id, Builder::quantization),
            booleanOption("miller_madow", DiscreteConfig.DEFAULT_MILLER_MADOW,
                    "add the Miller-Madow bias correction to the plug-in estimate", Builder::millerMadow));

    /** Validates every setting, naming it as users type it. */
    public BinnedConfig {
        Checks.notNull("quantization", quantization);
        Checks.atLeast("n_bins", nBins, 2);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private Quantization quantization = DEFAULT_QUANTIZATION;
        private int nBins = DEFAULT_N_BINS;
        private boolean millerMadow = DiscreteConfig.DEFAULT_MILLER_MADOW;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** The quantization rule. */
        public Builder quantization(Quantization v) {
            this.quantization = v;
            return this;
        }

        /** Bins of each variable. */
        public Builder nBins(int v) {
            this.nBins = v;
            return this;
        }

        /** The Miller-Madow correction. */
        public Builder millerMadow(boolean v) {
            this.millerMadow = v;
            return this;
        }

        /** The seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The config. */
        public BinnedConfig build() {
            return new BinnedConfig(quantization, nBins, millerMadow, seed);
        }
    }
}
