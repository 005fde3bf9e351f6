package io.mist.estimators.generative;

import static io.mist.registry.OptionSchema.booleanOption;
import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.intListOption;
import static io.mist.registry.OptionSchema.intOption;

import io.mist.core.internal.Checks;
import io.mist.estimators.discriminative.DiscriminativeConfig;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;
import io.mist.train.TrainConfig;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Typed settings of a generative estimator (torch_mist's option names), validated in the constructor (the builder
 * only calls it): the densities ({@code hidden_dims}; {@code transform_name} / {@code conditional_transform_name}
 * and {@code n_transforms} / {@code n_conditional_transforms} of {@code q(y|x)}; {@code marginal_transform_name}
 * and {@code n_marginal_transforms} of {@code q(y)} and {@code q(x)}; {@code joint_transform_name} and
 * {@code n_joint_transforms} of GM's {@code q(x, y)}; {@code n_components} of the mixtures), BA's
 * {@code entropy_y}, the networks' {@code activation} and {@code init}, and the training settings, the
 * standardisation and the cross-fitting folds exactly as the discriminative estimators take them
 * ({@link DiscriminativeConfig}). The options are described once in {@link #schema(Generative)}.
 *
 * @param kind the estimator
 * @param hiddenDims hidden sizes of every network; empty (the default) means {@code [10 d, 10 d]} for a density
 *     of a {@code d}-dimensional variable (torch_mist's rule when no hidden sizes are given)
 * @param transform the family of {@code q(y | x)}
 * @param nTransforms flow steps of {@code q(y | x)}
 * @param marginalTransform the family of {@code q(y)} and {@code q(x)}
 * @param nMarginalTransforms flow steps of the marginals
 * @param jointTransform the family of GM's {@code q(x, y)}
 * @param nJointTransforms flow steps of the joint
 * @param nComponents components of the mixture families
 * @param entropyY BA's {@code H(Y)} in nats, in the units of the data; empty: estimated (Kozachenko-Leonenko)
 * @param train training settings, including the device and the seed
 * @param activation the nonlinearity between hidden layers
 * @param init the weight initialisation
 * @param standardize whether inputs are standardised with the training rows' statistics
 * @param folds cross-fitting folds (1 = one fit)
 */
public record GenerativeConfig(Generative kind, List<Integer> hiddenDims, ConditionalTransform transform,
        int nTransforms, MarginalTransform marginalTransform, int nMarginalTransforms,
        MarginalTransform jointTransform, int nJointTransforms, int nComponents, OptionalDouble entropyY,
        TrainConfig train, Nonlinearity activation, Init init, boolean standardize, int folds) {

    /** Default hidden sizes: none given, so {@code [10 d, 10 d]} per density. */
    public static final List<Integer> DEFAULT_HIDDEN_DIMS = List.of();
    /** Default family of {@code q(y | x)} (torch_mist's). */
    public static final ConditionalTransform DEFAULT_TRANSFORM = ConditionalTransform.CONDITIONAL_LINEAR;
    /** Default family of the marginals (torch_mist's). */
    public static final MarginalTransform DEFAULT_MARGINAL_TRANSFORM = MarginalTransform.LINEAR;
    /** Default family of GM's joint (torch_mist 0.2.17's). */
    public static final MarginalTransform DEFAULT_JOINT_TRANSFORM = MarginalTransform.AFFINE_AUTOREGRESSIVE;
    /** Default number of flow steps of every density (torch_mist's). */
    public static final int DEFAULT_N_TRANSFORMS = 1;
    /** Default text of {@code entropy_y}: estimate it. */
    public static final String ESTIMATE_ENTROPY = "estimate";

    /** Validates every setting, naming it as users type it. */
    public GenerativeConfig {
        Checks.notNull("kind", kind);
        hiddenDims = List.copyOf(Checks.notNull("hidden_dims", hiddenDims));
        for (int h : hiddenDims) {
            if (h < 1) {
                throw Checks.invalid("hidden_dims", "hidden_dims entries must be at least 1, got %s", hiddenDims);
            }
        }
        Checks.notNull("transform_name", transform);
        Checks.atLeast(kind == Generative.DOE ? "n_conditional_transforms" : "n_transforms", nTransforms, 1);
        Checks.notNull("marginal_transform_name", marginalTransform);
        Checks.atLeast("n_marginal_transforms", nMarginalTransforms, 1);
        Checks.notNull("joint_transform_name", jointTransform);
        Checks.atLeast("n_joint_transforms", nJointTransforms, 1);
        Checks.atLeast("n_components", nComponents, 1);
        Checks.notNull("entropy_y", entropyY);
        if (entropyY.isPresent()) {
            Checks.finite("entropy_y", entropyY.getAsDouble());
        }
        Checks.notNull("train", train);
        Checks.notNull("activation", activation);
        Checks.notNull("init", init);
        Checks.atLeast("folds", folds, 1);
    }

    /** Hidden sizes of a density of a {@code d}-dimensional variable. */
    int[] hiddenSizes(int d) {
        if (hiddenDims.isEmpty()) {
            return new int[] {10 * d, 10 * d};
        }
        return hiddenDims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The options of {@code kind}'s estimator, one line each, with their defaults and setters. */
    public static OptionSchema<Builder> schema(Generative kind) {
        OptionSchema<Builder> s = OptionSchema.<Builder>of(intListOption("hidden_dims", DEFAULT_HIDDEN_DIMS,
                "hidden layer sizes of every network (empty = [10*d, 10*d] for a d-dimensional variable)",
                Builder::hiddenDims))
                .and(TrainConfig.options(DiscriminativeConfig.DEFAULT_TRAIN).on(Builder::train));
        boolean doe = kind == Generative.DOE;
        if (kind.conditional()) {
            s = s.and(choiceOption(doe ? "conditional_transform_name" : "transform_name", DEFAULT_TRANSFORM,
                    "family of q(y|x): Gaussian with MLP mean/log-scale, autoregressive flow, or mixture",
                    ConditionalTransform::id, Builder::transform),
                    intOption(doe ? "n_conditional_transforms" : "n_transforms", DEFAULT_N_TRANSFORMS,
                            "flow steps of q(y|x)", Builder::nTransforms));
        }
        if (kind == Generative.GM) {
            s = s.and(choiceOption("joint_transform_name", DEFAULT_JOINT_TRANSFORM, "family of q(x,y)",
                    MarginalTransform::id, Builder::jointTransform),
                    intOption("n_joint_transforms", DEFAULT_N_TRANSFORMS, "flow steps of q(x,y)",
                            Builder::nJointTransforms));
        }
        if (kind.marginalY()) {
            s = s.and(choiceOption("marginal_transform_name", DEFAULT_MARGINAL_TRANSFORM,
                    kind == Generative.GM ? "family of q(x) and q(y)" : "family of q(y)", MarginalTransform::id,
                    Builder::marginalTransform),
                    intOption("n_marginal_transforms", DEFAULT_N_TRANSFORMS, "flow steps of the marginals",
                            Builder::nMarginalTransforms));
        }
        s = s.and(intOption("n_components", Densities.DEFAULT_COMPONENTS, "components of the mixture families",
                Builder::nComponents));
        if (kind == Generative.BA) {
            s = s.and(new OptionSchema.Binding<>(OptionSpec.ofString("entropy_y", ESTIMATE_ENTROPY,
                    "H(Y) in nats in the data's units, or 'estimate' (Kozachenko-Leonenko k-NN, k = 3)"),
                    (b, v) -> b.entropyY((String) v)));
        }
        return s.and(choiceOption("activation", DiscriminativeConfig.DEFAULT_ACTIVATION,
                "activation between hidden layers", Nonlinearity::id, Builder::activation),
                choiceOption("init", DiscriminativeConfig.DEFAULT_INIT, "weight initialisation (default = PyTorch's "
                        + "nn.Linear; biases always PyTorch's default)", Init::id, Builder::init),
                booleanOption("standardize", DiscriminativeConfig.DEFAULT_STANDARDIZE,
                        "standardise each column with the training rows' mean and standard deviation",
                        Builder::standardize),
                intOption("folds", DiscriminativeConfig.DEFAULT_FOLDS, "cross-fitting folds: value and standard "
                        + "error on all rows, each from densities fitted without it (1 = one fit, value on the "
                        + "validation split)", Builder::folds))
                .and(TrainConfig.DEVICE.on(Builder::train))
                .and(OptionSchema.progressOption());
    }

    /** A builder with torch_mist's defaults for {@code kind}. */
    public static Builder builder(Generative kind) {
        return new Builder(kind);
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. Not thread-safe. */
    public static final class Builder {
        private final Generative kind;
        private List<Integer> hiddenDims = DEFAULT_HIDDEN_DIMS;
        private ConditionalTransform transform = DEFAULT_TRANSFORM;
        private int nTransforms = DEFAULT_N_TRANSFORMS;
        private MarginalTransform marginalTransform = DEFAULT_MARGINAL_TRANSFORM;
        private int nMarginalTransforms = DEFAULT_N_TRANSFORMS;
        private MarginalTransform jointTransform = DEFAULT_JOINT_TRANSFORM;
        private int nJointTransforms = DEFAULT_N_TRANSFORMS;
        private int nComponents = Densities.DEFAULT_COMPONENTS;
        private OptionalDouble entropyY = OptionalDouble.empty();
        private TrainConfig.Builder train = DiscriminativeConfig.DEFAULT_TRAIN.toBuilder();
        private Nonlinearity activation = DiscriminativeConfig.DEFAULT_ACTIVATION;
        private Init init = DiscriminativeConfig.DEFAULT_INIT;
        private boolean standardize = DiscriminativeConfig.DEFAULT_STANDARDIZE;
        private int folds = DiscriminativeConfig.DEFAULT_FOLDS;

        private Builder(Generative kind) {
            this.kind = Checks.notNull("kind", kind);
        }

        /** Hidden sizes (empty: {@code [10 d, 10 d]}). */
        public Builder hiddenDims(List<Integer> v) {
            this.hiddenDims = v;
            return this;
        }

        /** Hidden sizes. */
        public Builder hiddenDims(int... v) {
            return hiddenDims(java.util.Arrays.stream(v).boxed().toList());
        }

        /** The family of {@code q(y | x)}. */
        public Builder transform(ConditionalTransform v) {
            this.transform = v;
            return this;
        }

        /** Flow steps of {@code q(y | x)}. */
        public Builder nTransforms(int v) {
            this.nTransforms = v;
            return this;
        }

        /** The family of the marginals. */
        public Builder marginalTransform(MarginalTransform v) {
            this.marginalTransform = v;
            return this;
        }

        /** Flow steps of the marginals. */
        public Builder nMarginalTransforms(int v) {
            this.nMarginalTransforms = v;
            return this;
        }

        /** The family of GM's joint. */
        public Builder jointTransform(MarginalTransform v) {
            this.jointTransform = v;
            return this;
        }

        /** Flow steps of GM's joint. */
        public Builder nJointTransforms(int v) {
            this.nJointTransforms = v;
            return this;
        }

        /** Mixture components. */
        public Builder nComponents(int v) {
            this.nComponents = v;
            return this;
        }

        /** BA's {@code H(Y)} in nats, in the data's units. */
        public Builder entropyY(double v) {
            this.entropyY = OptionalDouble.of(v);
            return this;
        }

        /** BA's {@code H(Y)} as typed: a number, or {@code "estimate"} to estimate it. */
        public Builder entropyY(String v) {
            String t = v == null ? "" : v.trim();
            if (t.equals(ESTIMATE_ENTROPY)) {
                this.entropyY = OptionalDouble.empty();
                return this;
            }
            try {
                this.entropyY = OptionalDouble.of(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw Checks.invalid("entropy_y", "entropy_y must be a number of nats or '%s', got '%s'",
                        ESTIMATE_ENTROPY, v);
            }
            return this;
        }

        /** Activation between hidden layers. */
        public Builder activation(Nonlinearity v) {
            this.activation = v;
            return this;
        }

        /** Weight initialisation. */
        public Builder init(Init v) {
            this.init = v;
            return this;
        }

        /** Whether to standardise the inputs. */
        public Builder standardize(boolean v) {
            this.standardize = v;
            return this;
        }

        /** Cross-fitting folds. */
        public Builder folds(int v) {
            this.folds = v;
            return this;
        }

        /** Training settings (replacing any set so far). */
        public Builder train(TrainConfig v) {
            this.train = Checks.notNull("train", v).toBuilder();
            return this;
        }

        /** The training settings being built. */
        public TrainConfig.Builder train() {
            return train;
        }

        /**
         * The validated config.
         *
         * @throws io.mist.core.InvalidOptionException naming the first invalid setting
         */
        public GenerativeConfig build() {
            return new GenerativeConfig(kind, hiddenDims, transform, nTransforms, marginalTransform,
                    nMarginalTransforms, jointTransform, nJointTransforms, nComponents, entropyY, train.build(),
                    activation, init, standardize, folds);
        }
    }
}
