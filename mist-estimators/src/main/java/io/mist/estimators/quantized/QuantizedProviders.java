package io.mist.estimators.quantized;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.train.TrainListener;

import java.util.Map;

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

    /** {@code "pq"}: {@link PqEstimator}. */
    public static final class Pq extends ConfigProvider<PqConfig.Builder> {
        /** The provider. */
        public Pq() {
            super(PqConfig.NAME, FAMILY, "PQ: I(X; Q(Y)) >= H(Q(Y)) + E log q(Q(y)|x), categorical q(k|x) on "
                    + "k-means bins of y (lower bound)", Capabilities.continuous().withTraining().withPointwise(),
                    () -> PqConfig.SCHEMA, o -> {
                        PqConfig.Builder b = PqConfig.builder();
                        b.critics().train().seed(o.seed());
                        o.listeners().forEach(l -> b.critics().train().listener(TrainListener.of(l)));
                        return b;
                    }, (b, o) -> new PqEstimator(b.build()));
        }

        @Override
        public Map<String, String> demoOptions() {
            return Map.of("max_iterations", "300");
        }
    }
}
