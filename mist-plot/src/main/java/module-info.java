/**
 * mist-plot: plots of fitted GMMs, latent-MI embeddings and training histories (XChart); the library modules
 * never plot.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.mist.plot {
    requires transitive io.mist.estimators;
    requires transitive org.knowm.xchart;
    requires java.desktop;

    exports io.mist.plot;
}
