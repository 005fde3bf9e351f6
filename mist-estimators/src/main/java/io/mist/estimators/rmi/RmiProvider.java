package io.mist.estimators.rmi;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.DataKind;

/**
 * {@code "rmi"}: {@link RmiEstimator}, x the samples, y the feature values, the Jacobians from option
 * {@code jacobian}. Its own uncertainty: a bootstrap of the (feature, Jacobian) pairs, which the generic
 * wrapper could not keep paired.
 */
public final class RmiProvider extends ConfigProvider<RmiConfig.Builder> {
    /** The family name in {@code mist list}. */
    static final String FAMILY = "rmi";

    /** The provider. */
    public RmiProvider() {
        super(RmiEstimator.NAME, FAMILY,
                "renormalized MI of a deterministic feature y = f(x): H(y) - 1/2 E log det(J J^T); needs option jacobian",
                Capabilities.continuous().withOwnUncertainty(), () -> RmiConfig.SCHEMA,
                o -> RmiConfig.builder().seed(o.seed()).replicates(o.replicates()),
                (b, o) -> new RmiEstimator(b.build()));
    }

    /** Never on ordinary paired data: y must be a deterministic feature of x with known Jacobian. */
    @Override
    public boolean supports(DataKind kind, int dx, int dy) {
        return false;
    }
}
