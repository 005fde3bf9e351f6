package io.mist.train.internal;

import io.mist.train.TrainConfig;

/**
 * The one engine-wide setting the library makes: PyTorch's intra-op thread count, requested once per JVM
 * through DJL's documented {@code ai.djl.pytorch.num_threads} system property, which the PyTorch engine
 * reads once when it starts.
 *
 * <p>{@link #request} sets that property to {@link TrainConfig#threads()} the first time it is called, and
 * only when the property is unset (a user's {@code -Dai.djl.pytorch.num_threads=...} always wins); later
 * calls do nothing. It has an effect only when it runs before the engine starts: the neural estimators call
 * it before they first touch the engine. No fit ever changes the engine's thread count, so DJL code of the
 * user's in the same JVM keeps the engine as it found it, and concurrent fits cannot race on it. The
 * library never calls {@code Engine.setRandomSeed}: its fits draw every random number from their own seeded
 * streams.
 */
public final class EngineThreads {
    /** DJL's property for PyTorch's intra-op threads, read once at engine start. */
    public static final String PROPERTY = "ai.djl.pytorch.num_threads";
    private static boolean requested;

    private EngineThreads() {
    }

    /**
     * Requests {@code threads} PyTorch intra-op threads for the engine, if {@code threads > 0}, this is the first
     * such request of the JVM and {@value #PROPERTY} is unset.
     *
     * @return whether this call set the property
     */
    public static synchronized boolean request(int threads) {
        if (requested || threads <= 0) {
            return false;
        }
        requested = true;
        if (System.getProperty(PROPERTY) != null) {
            return false;
        }
        System.setProperty(PROPERTY, Integer.toString(threads));
        return true;
    }
}
