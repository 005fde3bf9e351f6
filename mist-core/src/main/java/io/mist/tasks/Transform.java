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
    /**
     * {@code t -> Q(Phi(t))} per coordinate, where {@code Q} is the quantile function of the bimodal mixture
     * {@code 0.5 N(-2, 1) + 0.5 N(2, 1)}: a standard normal coordinate becomes one with two modes. Strictly
     * increasing; computed in the lower tail ({@code Q(Phi(t)) = -Q(Phi(-t))} by symmetry) so that it stays
     * accurate where {@code Phi(t)} rounds to 1.
     */
    BIMODAL,
    /** A fixed random orthogonal matrix applied to each block (mixes coordinates). */
    ROTATION,
    /**
     * The spiral of Czyz et al. 2023: each block {@code v} (dimension at least 2) is turned in the plane of its
     * first two coordinates by the angle {@code SPIRAL_SPEED |v|^2}. The norm is kept, so the inverse turns back
     * by the same angle.
     */
    SPIRAL;

    /** Radians per unit of squared norm turned by {@link #SPIRAL}. */
    public static final double SPIRAL_SPEED = 0.5;

    /** Half the distance between the modes of {@link #BIMODAL} (each mode a unit-variance normal). */
    static final double BIMODAL_OFFSET = 2.0;

    /** Applies the coordinate-wise map; {@link #ROTATION} and {@link #SPIRAL} act on blocks in {@link TransformedTask}. */
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
            case BIMODAL:
                return t > 0 ? -bimodalLowerQuantile(-t) : bimodalLowerQuantile(t);
            default:
                throw new IllegalStateException(name() + " is not coordinate-wise");
        }
    }

    /** The smallest dimension of X and of Y the map applies to: 2 for {@link #SPIRAL} (it turns a plane), else 1. */
    public int minimumDimension() {
        return this == SPIRAL ? 2 : 1;
    }

    /** Whether the map acts on each coordinate alone (else on a whole block, in {@link TransformedTask}). */
    boolean coordinatewise() {
        return this != ROTATION && this != SPIRAL;
    }

    /**
     * {@code Q(Phi(t))} for {@code t <= 0} by bisection of the mixture CDF {@code F(s) = (Phi(s + m) + Phi(s - m)) / 2}
     * against {@code Phi(t)}: {@code F(t - m - 1) <= Phi(t) <= F(t + m)}, and 64 halvings of that bracket leave
     * less than 1e-18 of it (below one ulp of the result).
     */
    private static double bimodalLowerQuantile(double t) {
        double target = Special.normalCdf(t);
        double lo = t - BIMODAL_OFFSET - 1;
        double hi = t + BIMODAL_OFFSET;
        for (int i = 0; i < 64; i++) {
            double mid = 0.5 * (lo + hi);
            double f = 0.5 * (Special.normalCdf(mid + BIMODAL_OFFSET) + Special.normalCdf(mid - BIMODAL_OFFSET));
            if (f < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
