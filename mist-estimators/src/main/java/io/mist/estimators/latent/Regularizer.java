package io.mist.estimators.latent;

/**
 * What ties the two autoencoders of latent MI together (option {@code regularizer}), as in latentmi's
 * {@code AECross}, {@code AEMINE} and {@code AEInfoNCE}. Each adds a term weighted {@code lam} to the
 * self-reconstruction loss weighted {@code alpha}.
 */
public enum Regularizer {
    /**
     * Cross-reconstruction (the default, recommended by the authors): decoders from {@code z_x} to {@code y}
     * and from {@code z_y} to {@code x}, term {@code MSE(D_yx(z_y), x) + MSE(D_xy(z_x), y)}, so that each latent
     * keeps what predicts the other variable.
     */
    AE_CROSS("ae-cross"),
    /**
     * A MINE critic on the latent pair (Belghazi et al. 2018): term
     * {@code -(mean T(z_x, z_y) - log mean exp T(z_x, z_y'))} with {@code z_y'} drawn from the batch with
     * replacement; {@code T} an MLP {@code 2 n_dims -> n_dims -> 1}.
     */
    AE_MINE("ae-mine"),
    /**
     * An InfoNCE critic on the latent pair (van den Oord et al. 2018): term
     * {@code -(mean_i F(z_x_i, z_y_i) - mean_i logsumexp_j F(z_x_j, z_y_i) + log B)} over all {@code B x B}
     * pairs of the batch; {@code F} an MLP {@code 2 n_dims -> n_dims -> 1} with a softplus output.
     */
    AE_INFONCE("ae-infonce");

    private final String id;

    Regularizer(String id) {
        this.id = id;
    }

    /** The option value, e.g. {@code "ae-cross"}. */
    public String id() {
        return id;
    }
}
