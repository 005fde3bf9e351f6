package io.mist.estimators.nonparametric;

import io.mist.core.Checks;
import io.mist.core.Seeds;

/**
 * Settings of {@link KozachenkoLeonenkoEstimator}.
 *
 * @param k neighbour order (default 3)
 * @param noise half-width of the uniform tie-breaking noise in standard deviations (default 1e-10; 0
 *     disables)
 * @param threads worker threads (default: all cores)
 * @param seed seed of the noise
 */
public record KlEntropyConfig(int k, double noise, int threads, long seed) {
    /** Validates the settings. */
    public KlEntropyConfig {
        Checks.atLeast("k", k, 1);
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw Checks.fail("noise must be finite and >= 0, got %s", noise);
        }
        Checks.atLeast("threads", threads, 1);
    }

    /** k 3, noise 1e-10, all cores, the default seed. */
    public static KlEntropyConfig defaults() {
        return new KlEntropyConfig(3, 1e-10, Runtime.getRuntime().availableProcessors(), Seeds.DEFAULT_SEED);
    }
}
