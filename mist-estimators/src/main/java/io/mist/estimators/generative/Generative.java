package io.mist.estimators.generative;

import io.mist.core.BoundType;

/**
 * The generative estimators of torch_mist: densities fitted by maximum likelihood, the mutual information read
 * off their log-densities. {@code q(y|x)} is a {@link ConditionalTransform} density, {@code q(y)}, {@code q(x)}
 * and {@code q(x, y)} {@link MarginalTransform} densities; means are over held-out rows ({@code B} rows per
 * evaluation batch for the contrastive forms).
 */
public enum Generative {
    /**
     * Barber-Agakov (Barber and Agakov 2003, "The IM algorithm"): {@code I >= H(Y) + mean_i log q(y_i | x_i)},
     * since {@code E[-log q(y|x)] >= H(Y|X)} for any {@code q}. A lower bound when {@code H(Y)} is exact;
     * {@code H(Y)} is the {@code entropy_y} option, or else the Kozachenko-Leonenko k-NN estimate on all rows
     * (then the value is an estimate, the bound direction holding only up to that estimate's error).
     */
    BA("ba", BoundType.LOWER),
    /**
     * Difference of entropies (McAllester and Stratos 2020, "Formal limitations on the measurement of mutual
     * information"): {@code mean_i [log q(y_i | x_i) - log q(y_i)]}, both densities fitted by maximum likelihood;
     * the difference of two cross-entropy upper bounds, so neither a lower nor an upper bound.
     */
    DOE("doe", BoundType.NEITHER),
    /**
     * Generative model (torch_mist's {@code gm}): {@code mean_i [log q(x_i, y_i) - log q(x_i) - log q(y_i)]} with
     * the joint and both marginals fitted separately by maximum likelihood; neither bound.
     */
    GM("gm", BoundType.NEITHER),
    /**
     * CLUB, contrastive log-ratio upper bound (Cheng et al. 2020, "CLUB: A Contrastive Log-ratio Upper Bound of
     * Mutual Information"): {@code mean_i log q(y_i | x_i) - mean_{i,j} log q(y_j | x_i)} over the pairs of a
     * batch. An upper bound when {@code q} is close to {@code p(y|x)} (exactly when {@code KL(p(x,y) || q(y|x)
     * p(x)) <= KL(p(x) p(y) || q(y|x) p(x))}); with a Gaussian {@code q} on non-Gaussian data its slack can be
     * large.
     */
    CLUB("club", BoundType.UPPER),
    /**
     * Leave-one-out bound (Poole et al. 2019, "On Variational Bounds of Mutual Information", eq. 13):
     * {@code mean_i [log q(y_i | x_i) - log (1/(B-1) sum_{j != i} q(y_i | x_j))]}. An upper bound with the true
     * conditional; with a learned {@code q} it is neither guaranteed above the truth nor tight, and it is capped
     * near {@code log(B-1)} plus the log-ratio of the densities; torch_mist reports 0.458 against a truth of
     * 1.116 on the 5+5-D Gaussian.
     */
    L1OUT("l1out", BoundType.UPPER);

    private final String id;
    private final BoundType boundType;

    Generative(String id, BoundType boundType) {
        this.id = id;
        this.boundType = boundType;
    }

    /** The registered name. */
    public String id() {
        return id;
    }

    /** The direction of the value (decides how results are described; checkpoints are chosen by likelihood). */
    public BoundType boundType() {
        return boundType;
    }

    /** Whether the estimate needs {@code q(y | x)}. */
    boolean conditional() {
        return this != GM;
    }

    /** Whether the estimate needs {@code q(y)}. */
    boolean marginalY() {
        return this == DOE || this == GM;
    }
}
