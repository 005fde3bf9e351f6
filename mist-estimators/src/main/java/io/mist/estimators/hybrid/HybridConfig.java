package io.mist.estimators.hybrid;

import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.estimators.discriminative.Bound;
import io.mist.estimators.discriminative.DiscriminativeConfig;
import io.mist.estimators.generative.Generative;
import io.mist.estimators.generative.GenerativeConfig;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed settings of a hybrid estimator: its discriminative part ({@code discriminative}, a {@link Bound}, default
 * {@code smile}, with every option of that family: critic, {@code tau}, {@code gamma}, training, {@code folds},
 * ..., and the options of the other bounds: {@code gamma}, {@code alpha}, {@code baseline}, ...) and its
 * generative part ({@code generative}, default {@code doe}, with its density options:
 * {@code conditional_transform_name}, {@code marginal_transform_name}, ..., and {@code entropy_y} for ba). The
 * options the parts share ({@code hidden_dims}, {@code activation}, {@code init}) set both; the training settings,
 * standardisation and folds are the discriminative part's and govern the one joint fit. The option defaults are
 * smile's and doe's: with another {@code discriminative}, {@code critic_type} keeps smile's default (joint
 * critic). {@code neg_samples} is the number of negatives drawn from the proposal per x (default 1,
 * at least 1).
 *
 * @param discriminative the discriminative part (its bound, critic and training settings)
 * @param generative the generative part (its densities; its training settings are not used)
 */
public record HybridConfig(DiscriminativeConfig discriminative, GenerativeConfig generative) {
    /** Validates the parts. */
    public HybridConfig {
        Checks.notNull("discriminative", discriminative);
        Checks.notNull("generative", generative);
        if (discriminative.negSamples() < 1) {
            throw Checks.invalid("neg_samples", "neg_samples (negatives drawn from q(y|x) per x) must be at least 1, "
                    + "got %d", discriminative.negSamples());
        }
        if (generative.kind() != Generative.DOE && generative.kind() != Generative.BA) {
            throw Checks.invalid("generative", "generative must be doe or ba (a proposal q(y|x)), got %s",
                    generative.kind().id());
        }
    }

    /** Negatives drawn from the proposal per x ({@code neg_samples}). */
    public int negatives() {
        return discriminative.negSamples();
    }

    /** The options: the discriminative part's, then the generative part's that it lacks, then the choices. */
    public static OptionSchema<Builder> schema() {
        // smile's options (defaults included), then the options of the other bounds it lacks (gamma, alpha, ...)
        OptionSchema<DiscriminativeConfig.Builder> d = DiscriminativeConfig.schema(Bound.SMILE);
        for (Bound b : Bound.values()) {
            d = d.and(DiscriminativeConfig.schema(b).without(names(d)));
        }
        OptionSchema<GenerativeConfig.Builder> g = GenerativeConfig.schema(Generative.DOE).without(names(d));
        Set<String> notEntropy = names(GenerativeConfig.schema(Generative.BA));
        notEntropy.remove("entropy_y");
        OptionSchema<GenerativeConfig.Builder> entropy = GenerativeConfig.schema(Generative.BA).without(notEntropy);
        return OptionSchema.<Builder>of(
                choiceOption("discriminative", Bound.SMILE, "discriminative part (its options below apply)",
                        Bound::id, Builder::discriminativeBound),
                choiceOption("generative", HybridGenerative.DOE, "generative part: doe or ba (its proposal q(y|x) "
                        + "gives the negatives)", HybridGenerative::id, Builder::generativeKind))
                .and(intOption("neg_samples", 1, "negatives drawn from the proposal q(y|x) per x (at least 1)",
                        (b, v) -> b.discriminative().negSamples(v)))
                .and(d.without(Set.of("neg_samples")).on(Builder::discriminative)).and(g.on(Builder::generative))
                .and(entropy.on(Builder::generative));
    }

    private static Set<String> names(OptionSchema<?> s) {
        return s.specs().stream().map(OptionSpec::name).collect(Collectors.toSet());
    }

    /** A builder with smile's and doe's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. Not thread-safe. */
    public static final class Builder {
        private Bound bound = Bound.SMILE;
        private HybridGenerative kind = HybridGenerative.DOE;
        private final DiscriminativeConfig.Builder discriminative = DiscriminativeConfig.builder(Bound.SMILE);
        private final GenerativeConfig.Builder generative = GenerativeConfig.builder(Generative.DOE);

        private Builder() {
        }

        /** The discriminative bound. */
        public Builder discriminativeBound(Bound v) {
            this.bound = Checks.notNull("discriminative", v);
            return this;
        }

        /** The generative part. */
        public Builder generativeKind(HybridGenerative v) {
            this.kind = Checks.notNull("generative", v);
            return this;
        }

        /** The discriminative part's settings (its bound is {@link #discriminativeBound}'s at build time). */
        public DiscriminativeConfig.Builder discriminative() {
            return discriminative;
        }

        /** The generative part's settings (hidden sizes, activation and init come from the discriminative part). */
        public GenerativeConfig.Builder generative() {
            return generative;
        }

        /**
         * The validated config.
         *
         * @throws io.mist.core.InvalidOptionException naming the first invalid setting
         */
        public HybridConfig build() {
            DiscriminativeConfig d0 = discriminative.build();
            DiscriminativeConfig d = new DiscriminativeConfig(bound, d0.hiddenDims(), d0.criticType(), d0.negSamples(),
                    d0.tau(), d0.gamma(), d0.alpha(), d0.train(), d0.activation(), d0.init(), d0.baseline(),
                    d0.baselineValue(), d0.standardize(), d0.folds());
            GenerativeConfig g0 = generative.build();
            GenerativeConfig g = new GenerativeConfig(kind.kind(), d.hiddenDims(), g0.transform(), g0.nTransforms(),
                    g0.marginalTransform(), g0.nMarginalTransforms(), g0.jointTransform(), g0.nJointTransforms(),
                    g0.nComponents(), g0.entropyY(), d.train(), d.activation(), d.init(), d.standardize(), d.folds());
            return new HybridConfig(d, g);
        }
    }
}
