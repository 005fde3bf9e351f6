/**
 * mist-estimators: every estimator, one package per family, each registered as an
 * {@code io.mist.registry.EstimatorProvider} (here and, for class-path users, in {@code META-INF/services}).
 * The neighbour structures ({@code io.mist.estimators.nonparametric.internal}) and the networks
 * ({@code io.mist.estimators.nn.internal}) are not exported.
 */
module io.mist.estimators {
    requires transitive io.mist.core;
    requires transitive io.mist.train;
    requires org.apache.commons.rng.sampling;

    exports io.mist.estimators.auto;
    exports io.mist.estimators.discriminative;
    exports io.mist.estimators.generative;
    exports io.mist.estimators.gmm;
    exports io.mist.estimators.hybrid;
    exports io.mist.estimators.latent;
    exports io.mist.estimators.nn;
    exports io.mist.estimators.nonparametric;
    exports io.mist.estimators.rmi;
    exports io.mist.estimators.quantized;

    provides io.mist.registry.EstimatorProvider with
            io.mist.estimators.nonparametric.NonparametricProviders.Gaussian,
            io.mist.estimators.nonparametric.NonparametricProviders.Discrete,
            io.mist.estimators.gmm.GmmProvider,
            io.mist.estimators.discriminative.DiscriminativeProviders.Nwj,
            io.mist.estimators.discriminative.DiscriminativeProviders.Mine,
            io.mist.estimators.discriminative.DiscriminativeProviders.Dv,
            io.mist.estimators.discriminative.DiscriminativeProviders.MiNee,
            io.mist.estimators.discriminative.DiscriminativeProviders.InfoNce,
            io.mist.estimators.discriminative.DiscriminativeProviders.Tuba,
            io.mist.estimators.discriminative.DiscriminativeProviders.AlphaTuba,
            io.mist.estimators.discriminative.DiscriminativeProviders.Js,
            io.mist.estimators.discriminative.DiscriminativeProviders.Smile,
            io.mist.estimators.discriminative.DiscriminativeProviders.Flo,
            io.mist.estimators.generative.GenerativeProviders.Ba,
            io.mist.estimators.generative.GenerativeProviders.Doe,
            io.mist.estimators.generative.GenerativeProviders.Gm,
            io.mist.estimators.generative.GenerativeProviders.Club,
            io.mist.estimators.generative.GenerativeProviders.L1Out,
            io.mist.estimators.hybrid.HybridProvider,
            io.mist.estimators.nonparametric.NonparametricProviders.Ksg,
            io.mist.estimators.nonparametric.NonparametricProviders.KsgMixed,
            io.mist.estimators.nonparametric.NonparametricProviders.Histogram,
            io.mist.estimators.rmi.RmiProvider,
            io.mist.estimators.latent.LatentProvider,
            io.mist.estimators.quantized.QuantizedProviders.Binned,
            io.mist.estimators.quantized.QuantizedProviders.Pq,
            io.mist.estimators.auto.AutoProvider;
}
