package io.mist.tasks;

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

    /** The exact mutual information in nats. */
    double trueMutualInformation();

    /**
     * Draws {@code n} independent pairs; the same {@code (n, seed)} always gives the same samples.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    TaskSample sample(int n, long seed);
}
