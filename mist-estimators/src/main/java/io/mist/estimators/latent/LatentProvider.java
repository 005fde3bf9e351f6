package io.mist.estimators.latent;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.EstimatorOptions;
import io.mist.train.TrainListener;

import java.util.Map;

/**
 * Registry entry {@code "lmi"}: {@link LatentEstimator} generated from {@link LatentConfig#SCHEMA} (latentmi's
 * option names and defaults). The seed of the request becomes the seed of the fit; listeners of the request
 * receive training progress.
 */
public final class LatentProvider extends ConfigProvider<LatentConfig.Builder> {
    /** The provider. */
    public LatentProvider() {
        super(LatentEstimator.NAME, "latent",
                "latent MI: KSG on the held-out latents of paired autoencoders (for high-dimensional x and y)",
                Capabilities.continuous().withTraining().withPointwise(), () -> LatentConfig.SCHEMA,
                LatentProvider::start, (b, o) -> new LatentEstimator(b.build()));
    }

    private static LatentConfig.Builder start(EstimatorOptions o) {
        LatentConfig.Builder b = LatentConfig.builder().seed(o.seed());
        o.listeners().forEach(l -> b.train().listener(TrainListener.of(l)));
        return b;
    }

    @Override
    public Map<String, String> demoOptions() {
        return Map.of("max_epochs", "20");
    }
}
