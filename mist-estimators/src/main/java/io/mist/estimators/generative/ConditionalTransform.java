package io.mist.estimators.generative;

/**
 * The family of a conditional density {@code q(y | x)} (torch_mist's {@code transform_name} and
 * {@code conditional_transform_name}), a flow of {@code n} steps on the standard normal base whose parameters
 * are networks of {@code x}, or a mixture.
 */
public enum ConditionalTransform {
    /**
     * {@code n} maps {@code y = z * exp(s(x)) + t(x)}, {@code [t, s]} an MLP of x: for {@code n = 1} the
     * conditional Gaussian {@code N(t(x), diag(exp(2 s(x))))}.
     */
    CONDITIONAL_LINEAR("conditional_linear"),
    /** {@code n} masked autoregressive affine steps whose networks also see x, coordinates reversed between. */
    CONDITIONAL_AFFINE_AUTOREGRESSIVE("conditional_affine_autoregressive"),
    /** A mixture of {@code n_components} diagonal Gaussians whose weights, means and scales are an MLP of x. */
    CONDITIONAL_MIXTURE("conditional_mixture");

    private final String id;

    ConditionalTransform(String id) {
        this.id = id;
    }

    /** The option value. */
    public String id() {
        return id;
    }
}
