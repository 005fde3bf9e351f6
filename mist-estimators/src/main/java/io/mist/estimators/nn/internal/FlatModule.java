package io.mist.estimators.nn.internal;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A network part whose parameters are registered in a {@link FlatParameters.Layout}: its initial values are
 * written into the flat value array, then it is bound to the {@link FlatParameters} made from it.
 */
public interface FlatModule {
    /** Writes the initial values at the layout's offsets, drawing from {@code rng}. */
    void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng);

    /** Binds the flat parameters made from the layout (a no-op for modules that take them per call). */
    default void bind(FlatParameters parameters) {
    }
}
