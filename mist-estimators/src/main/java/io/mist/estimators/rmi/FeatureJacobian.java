package io.mist.estimators.rmi;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;

/**
 * A deterministic feature {@code y = f(x)} evaluated at {@code n} samples: its values {@code [n, dy]} and its
 * Jacobians {@code [n, dy, dx]}, row {@code i} of each belonging to sample {@code i}. The input of
 * {@link RmiEstimator#estimate(FeatureJacobian)}. Immutable (both parts are).
 *
 * @param values the feature values {@code f(x_i)}
 * @param jacobians the Jacobians {@code df/dx} at the same samples
 */
public record FeatureJacobian(Samples values, Jacobians jacobians) {
    /**
     * Checks that both parts describe the same samples and feature dimension.
     *
     * @throws IllegalArgumentException naming both shapes when they disagree
     */
    public FeatureJacobian {
        Checks.notNull("values", values);
        Checks.notNull("jacobians", jacobians);
        if (values.n() != jacobians.n() || values.dim() != jacobians.dy()) {
            throw Checks.fail("feature values [%d, %d] and jacobians [%d, %d, %d] disagree: the jacobians must be "
                    + "[n, dy, dx] for values [n, dy]", values.n(), values.dim(), jacobians.n(), jacobians.dy(),
                    jacobians.dx());
        }
    }

    /** Number of samples. */
    public int n() {
        return values.n();
    }

    /** Feature dimension. */
    public int dy() {
        return values.dim();
    }

    /** Input dimension. */
    public int dx() {
        return jacobians.dx();
    }

    /** The samples {@code indices} of both parts, in that order. */
    public FeatureJacobian rows(int[] indices) {
        return new FeatureJacobian(values.rows(indices), jacobians.rows(indices));
    }
}
