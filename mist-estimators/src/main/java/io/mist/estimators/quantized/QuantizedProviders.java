package io.mist.estimators.quantized;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;

/** Registry entries of the quantized estimators, each generated from its config's schema. */
public final class QuantizedProviders {
    /** The family name in {@code mist list}. */
    static final String FAMILY = "quantized";

    private QuantizedProviders() {
    }

    /** {@code "binned"}: {@link BinnedEstimator}. */
    public static final class Binned extends ConfigProvider<BinnedConfig.Builder> {
        /** The provider. */
        public Binned() {
            super(BinnedEstimator.NAME, FAMILY,
                    "plug-in MI of quantized x and y (k-means, equal-width or quantile bins; torch_mist's binned)",
                    Capabilities.continuous().withPointwise(), () -> BinnedConfig.SCHEMA,
                    o -> BinnedConfig.builder().seed(o.seed()), (b, o) -> new BinnedEstimator(b.build()));
        }
    }
}
