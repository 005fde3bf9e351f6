package io.mist.estimators.hybrid;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.EstimatorOptions;
import io.mist.train.TrainListener;

import java.util.Map;

/** Registry entry of {@code hybrid-resampled}, generated from {@link HybridConfig#schema()}. */
public final class HybridProvider extends ConfigProvider<HybridConfig.Builder> {
    /** The registered name. */
    public static final String NAME = "hybrid-resampled";

    /** The provider. */
    public HybridProvider() {
        super(NAME, "hybrid", "hybrid (Federici et al. 2023): generative part plus a discriminative bound with "
                + "negatives drawn from its q(y|x)", Capabilities.continuous().withTraining().withPointwise(),
                HybridConfig::schema, HybridProvider::start, (b, o) -> new HybridEstimator(b.build()));
    }

    private static HybridConfig.Builder start(EstimatorOptions o) {
        HybridConfig.Builder b = HybridConfig.builder();
        b.discriminative().train().seed(o.seed());
        o.listeners().forEach(l -> b.discriminative().train().listener(TrainListener.of(l)));
        return b;
    }

    @Override
    public Map<String, String> demoOptions() {
        return Map.of("max_iterations", "300");
    }
}
