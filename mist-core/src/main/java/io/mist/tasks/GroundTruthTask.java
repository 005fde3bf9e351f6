package io.mist.tasks;

import io.mist.registry.DataKind;

/** A distribution of {@code (X, Y)} with known mutual information, sampled reproducibly from a seed. */
public interface GroundTruthTask {
    /** A short name, e.g. {@code "gaussian-5x5-rho0.6"}. */
    String name();

    /** Dimension of X. */
    int dimX();

    /** Dimension of Y. */
    int dimY();

    /** Whether the samples are integer-coded categories ({@link io.mist.core.Samples#isDiscrete()}); false by default. */
    default boolean discrete() {
        return false;
    }

    /**
     * The kind of data it draws, for matching estimators to tasks: {@link DataKind#DISCRETE} when
     * {@link #discrete()}, else {@link DataKind#CONTINUOUS}; a task with a discrete X and a continuous Y says
     * {@link DataKind#MIXED}.
     */
    default DataKind dataKind() {
        return discrete() ? DataKind.DISCRETE : DataKind.CONTINUOUS;
    }

    /** The exact mutual information in nats. */
    double trueMutualInformation();

    /**
     * Draws {@code n} independent pairs; the same {@code (n, seed)} always gives the same samples.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    TaskSample sample(int n, long seed);
}
