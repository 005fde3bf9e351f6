package io.mist.estimators.generative;

/**
 * The family of an unconditional density {@code q(y)} (torch_mist's {@code marginal_transform_name} and
 * {@code joint_transform_name}), a flow of {@code n} steps on the standard normal base, or a mixture.
 */
public enum MarginalTransform {
    /** {@code n} elementwise affine maps {@code y = z * exp(s) + t}: a learnable diagonal Gaussian. */
    LINEAR("linear"),
    /** {@code n} masked autoregressive affine steps, the coordinates reversed between steps. */
    AFFINE_AUTOREGRESSIVE("affine_autoregressive"),
    /** A mixture of {@code n_components} diagonal Gaussians ({@code n_transforms} is not used). */
    MIXTURE("mixture");

    private final String id;

    MarginalTransform(String id) {
        this.id = id;
    }

    /** The option value. */
    public String id() {
        return id;
    }
}
