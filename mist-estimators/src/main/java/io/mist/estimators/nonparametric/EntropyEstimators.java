package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.EntropyEstimator;
import io.mist.core.InvalidOptionException;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.OptionSpec;

import java.util.List;
import java.util.Map;

/**
 * The entropy estimators by name, with string options parsed against their config's schema (for the CLI's
 * {@code mist entropy}): {@code EntropyEstimators.create("entropy-kl", Map.of("k", "5"), seed)}.
 */
public final class EntropyEstimators {
    /** The default (and currently only) entropy estimator. */
    public static final String DEFAULT = KozachenkoLeonenkoEstimator.NAME;

    private EntropyEstimators() {
    }

    /** Registered names. */
    public static List<String> names() {
        return List.of(KozachenkoLeonenkoEstimator.NAME);
    }

    /** One-line description of the named estimator (for {@code mist list}). */
    public static String description(String name) {
        requireKnown(name);
        return "Kozachenko-Leonenko k-NN differential entropy (max-norm balls)";
    }

    /** Options of the named estimator. */
    public static List<OptionSpec> options(String name) {
        requireKnown(name);
        return KlEntropyConfig.SCHEMA.specs();
    }

    /**
     * Builds the named estimator.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or a bad option (an
     *     {@link InvalidOptionException} naming it)
     */
    public static EntropyEstimator create(String name, Map<String, String> options, long seed) {
        EstimatorOptions o = EstimatorOptions.parse(name, options(name), options, seed);
        try {
            return new KozachenkoLeonenkoEstimator(
                    KlEntropyConfig.SCHEMA.apply(o, KlEntropyConfig.builder().seed(seed)).build());
        } catch (InvalidOptionException e) {
            throw e.forEstimator(name);
        }
    }

    private static void requireKnown(String name) {
        if (!names().contains(name)) {
            throw Checks.fail("unknown entropy estimator '%s'; known: %s", name, String.join(", ", names()));
        }
    }
}
