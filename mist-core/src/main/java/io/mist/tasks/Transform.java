package io.mist.tasks;

import io.mist.core.internal.Special;

/**
 * Invertible maps applied to X and to Y separately; mutual information is invariant under them, so a
 * transformed task keeps its ground truth while its distribution stops being Gaussian (the transforms of
 * Czyz et al. 2023, "Beyond Normal").
 */
public enum Transform {
    /** {@code t -> t |t|^(1/2)} per coordinate (heavier tails). */
    HALF_CUBE,
    /** {@code t -> asinh(t)} per coordinate (lighter tails). */
    ASINH,
    /**
     * {@code t -> Phi(t)}, the standard normal CDF, per coordinate (bounded; uniform marginals for a standard
     * Gaussian base). In double precision {@code Phi(t)} stops resolving neighbouring values above
     * {@code t = 7.6} and rounds to exactly 1 above {@code t = 8.3}, which turns distinct values into ties:
     * apply it to Gaussian bases (where such values have probability below 1e-13), not to heavy-tailed ones
     * such as a Student-t with few degrees of freedom.
     */
    NORMAL_CDF,
    /**
     * {@code t -> t + 0.4 sin(t) + 0.2 sin(2t)} per coordinate: derivative at least 0.2, so strictly
     * increasing, but wiggly.
     */
    WIGGLY,
    /** A fixed random orthogonal matrix applied to each block (mixes coordinates). */
    ROTATION;

    /** Applies the coordinate-wise map; {@link #ROTATION} is handled by {@link TransformedTask}. */
    double apply(double t) {
        switch (this) {
            case HALF_CUBE:
                return t * Math.sqrt(Math.abs(t));
            case ASINH:
                return Math.log(t + Math.sqrt(t * t + 1));
            case NORMAL_CDF:
                return Special.normalCdf(t);
            case WIGGLY:
                return t + 0.4 * Math.sin(t) + 0.2 * Math.sin(2 * t);
            default:
                throw new IllegalStateException(name() + " is not coordinate-wise");
        }
    }
}
