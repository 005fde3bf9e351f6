package io.mist.estimators.discriminative;

/** Critic architecture: {@code f(x, y) = MLP([x, y])} or {@code f(x, y) = g(x)^T h(y)}. */
public enum CriticType {
    /** One MLP on the concatenated pair; {@code B x M} negatives cost {@code B M} forward rows. */
    JOINT,
    /** Two MLP heads and a dot product; all {@code B x B} pairs cost one matrix product. */
    SEPARABLE
}
