package io.mist.estimators.latent;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.DataKind;
import io.mist.registry.EstimatorOptions;
import io.mist.train.TrainListener;

import java.util.Map;

/**
 * Registry entry {@code "lmi"}: {@link LatentEstimator} generated from {@link LatentConfig#SCHEMA} (latentmi's
 * option names and defaults). The seed of the request becomes the seed of the fit; listeners of the request
 * receive training progress.
 */
public final class LatentProvider extends ConfigProvider<LatentConfig.Builder> {
    /** The smallest dimension of x and of y the demo and the accuracy bench run it on. */
    public static final int MIN_DIM = 4;

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

    /**
     * Continuous x and y of at least {@value #MIN_DIM} columns each: latent MI is for high-dimensional variables
     * (on one or two columns a k-NN estimator on the data itself is the better choice, and an encoder of width
     * {@code dim / 4} has no room), so {@code mist demo} and {@code mist bench accuracy} skip smaller tasks.
     */
    @Override
    public boolean supports(DataKind kind, int dx, int dy) {
        return kind == DataKind.CONTINUOUS && dx >= MIN_DIM && dy >= MIN_DIM;
    }

    @Override
    public Map<String, String> demoOptions() {
        return Map.of("max_epochs", "20");
    }
}
