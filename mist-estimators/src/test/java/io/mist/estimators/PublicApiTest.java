package io.mist.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.testing.ApiSurface;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The public API of mist-estimators: the packages its module descriptor exports, and every public type outside them listed
 * in {@value ApiSurface#LIST} (internals that sibling mist modules use). A new public type outside the exports
 * fails here until it is made package-private, moved to an exported package, or listed.
 */
class PublicApiTest {
    private static final ApiSurface SURFACE = ApiSurface.of(io.mist.estimators.auto.AutoEstimator.class);

    @Test
    void exportsOnlyTheApiPackages() {
        assertEquals("io.mist.estimators", SURFACE.descriptor().name());
        assertEquals(Set.of("io.mist.estimators.auto", "io.mist.estimators.discriminative",
                "io.mist.estimators.generative", "io.mist.estimators.gmm", "io.mist.estimators.hybrid",
                "io.mist.estimators.latent", "io.mist.estimators.nn", "io.mist.estimators.nonparametric",
                "io.mist.estimators.quantized",
                "io.mist.estimators.rmi"), SURFACE.exportedPackages());
    }

    @Test
    void publicTypesOutsideTheExportsAreListed() {
        List<String> problems = SURFACE.problems();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
