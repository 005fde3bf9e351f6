package io.mist.estimators.gmm;

import io.mist.registry.Capabilities;
import io.mist.registry.DataKind;
import io.mist.registry.ConfigProvider;
import io.mist.registry.EstimatorOptions;

import java.util.Map;

/**
 * Registry entry {@code "gmm"}: {@link GmmEstimator} generated from {@link GmmConfig#SCHEMA} (GMM-MI's option
 * names and defaults). Its own uncertainty: replicates asked for through {@link EstimatorOptions#replicates()}
 * become {@code n_bootstrap} refits unless that option was given.
 */
public final class GmmProvider extends ConfigProvider<GmmConfig.Builder> {
    /** The provider. */
    public GmmProvider() {
        super(GmmEstimator.NAME, "gmm",
                "GMM-MI: MI of Gaussian mixtures chosen by cross-validation, error from bootstrap refits",
                Capabilities.continuous().withConditional().withOwnUncertainty()
                        .withInputs(DataKind.CONTINUOUS, DataKind.MIXED), () -> GmmConfig.SCHEMA,
                o -> GmmConfig.builder(), GmmProvider::build);
    }

    /**
     * The {@code gmm} estimator for parsed options, typed (for its entry points beyond MI, such as
     * {@link GmmEstimator#klDivergence}).
     *
     * @throws io.mist.core.InvalidOptionException naming a rejected option
     */
    public static GmmEstimator estimator(EstimatorOptions options) {
        return (GmmEstimator) new GmmProvider().create(options);
    }

    private static GmmEstimator build(GmmConfig.Builder b, EstimatorOptions o) {
        if (o.replicates() > 0 && !o.isGiven(GmmConfig.N_BOOTSTRAP)) {
            b.nBootstrap(o.replicates());
        }
        return new GmmEstimator(b.build(), o.seed());
    }

    @Override
    public Map<String, String> demoOptions() {
        return Map.of(GmmConfig.N_BOOTSTRAP, "5", "max_components", "3", "mc_samples", "20000");
    }
}
