package io.mist.estimators.hybrid;

import io.mist.estimators.generative.Generative;

/** The generative part of a hybrid estimator: one with a proposal {@code q(y|x)} to draw negatives from. */
public enum HybridGenerative {
    /** {@link Generative#DOE}: {@code log q(y|x) - log q(y)}. */
    DOE(Generative.DOE),
    /** {@link Generative#BA}: {@code H(Y) + log q(y|x)}. */
    BA(Generative.BA);

    private final Generative kind;

    HybridGenerative(Generative kind) {
        this.kind = kind;
    }

    /** The generative estimator. */
    public Generative kind() {
        return kind;
    }

    /** The option value. */
    public String id() {
        return kind.id();
    }
}
