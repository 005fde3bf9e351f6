/**
 * mist-core: the vocabulary ({@code io.mist.core}), the {@code EstimateMI} facade ({@code io.mist}), the name
 * registry, data sources, ground-truth tasks and resampling uncertainty. {@code io.mist.core.internal} is
 * exported only to the sibling mist modules. Estimators are found through {@link java.util.ServiceLoader}
 * ({@code uses io.mist.registry.EstimatorProvider}).
 */
// qualified exports name modules that are compiled after this one; DJL's api jar is an automatic module
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module io.mist.core {
    requires transitive ai.djl.api;
    requires transitive org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.rng.sampling;
    requires org.apache.commons.numbers.gamma;

    exports io.mist;
    exports io.mist.core;
    exports io.mist.data;
    exports io.mist.registry;
    exports io.mist.tasks;
    exports io.mist.uncertainty;

    exports io.mist.core.internal to io.mist.train, io.mist.estimators, io.mist.plot;

    uses io.mist.registry.EstimatorProvider;
}
