package io.mist.estimators.discriminative;

import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;

import io.mist.core.internal.Checks;
import io.mist.registry.OptionSchema;

/**
 * Settings of {@link MineeEstimator}: the networks, training, standardisation and cross-fitting settings of a
 * discriminative estimator ({@code critics}: {@code hidden_dims}, the training options, {@code activation},
 * {@code init}, {@code standardize}, {@code folds}, {@code device}; its bound and negative-sampling settings
 * are not used), the reference distributions ({@code reference}) and the size of a batch of reference draws
 * relative to the data batch ({@code ref_batch_factor}, the MI-NEE code's name).
 *
 * @param critics the settings shared with the discriminative estimators (a {@link Bound#DV} config)
 * @param reference {@code Q_X} and {@code Q_Y}: fitted Gaussians (default) or uniform on the data's box
 * @param refBatchFactor reference draws per step = {@code ceil(ref_batch_factor * batch)}
 */
public record MineeConfig(DiscriminativeConfig critics, ReferenceType reference, double refBatchFactor) {
    /** Registered name. */
    public static final String NAME = "mi-nee";
    /** Default reference. */
    public static final ReferenceType DEFAULT_REFERENCE = ReferenceType.GAUSSIAN;
    /** Default {@code ref_batch_factor} (the MI-NEE code's). */
    public static final double DEFAULT_REF_BATCH_FACTOR = 1;

    /** The options of {@code mi-nee}, one line each. */
    public static final OptionSchema<Builder> SCHEMA = DiscriminativeConfig.network().on(Builder::critics)
            .and(choiceOption("reference", DEFAULT_REFERENCE, "reference Q_X, Q_Y: Gaussians fitted to the training "
                    + "rows, or uniform on their bounding box", ReferenceType::id, Builder::reference),
                    doubleOption("ref_batch_factor", DEFAULT_REF_BATCH_FACTOR, "reference draws per step, as a "
                            + "multiple of batch_size", Builder::refBatchFactor))
            .and(DiscriminativeConfig.fitting().on(Builder::critics));

    /** Validates every setting, naming it as users type it. */
    public MineeConfig {
        Checks.notNull("critics", critics);
        Checks.notNull("reference", reference);
        Checks.positive("ref_batch_factor", refBatchFactor);
        if (refBatchFactor > 1000) {
            throw Checks.invalid("ref_batch_factor", "ref_batch_factor must be at most 1000, got %s", refBatchFactor);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. Not thread-safe. */
    public static final class Builder {
        private final DiscriminativeConfig.Builder critics = DiscriminativeConfig.builder(Bound.DV);
        private ReferenceType reference = DEFAULT_REFERENCE;
        private double refBatchFactor = DEFAULT_REF_BATCH_FACTOR;

        private Builder() {
        }

        /** The network, training and measurement settings, to set them one by one. */
        public DiscriminativeConfig.Builder critics() {
            return critics;
        }

        /** The reference distributions. */
        public Builder reference(ReferenceType v) {
            this.reference = v;
            return this;
        }

        /** Reference draws per step as a multiple of the batch size. */
        public Builder refBatchFactor(double v) {
            this.refBatchFactor = v;
            return this;
        }

        /** The validated config. */
        public MineeConfig build() {
            return new MineeConfig(critics.build(), reference, refBatchFactor);
        }
    }
}
