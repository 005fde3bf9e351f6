package io.mist.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.testing.MeanProductEstimator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimatorRegistryTest {
    private static final String SERVICES = "META-INF/services/" + EstimatorProvider.class.getName();

    @TempDir
    Path dir;

    /**
     * A registry of exactly {@code providers}: a class loader that answers the services lookup with a file
     * written here (and only that file), and loads classes from the test class path.
     */
    private EstimatorRegistry registryOf(Class<?>... providers) {
        try {
            Path root = Files.createTempDirectory(dir, "cp");
            Path file = root.resolve(SERVICES);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n")),
                    StandardCharsets.UTF_8);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                    getClass().getClassLoader()) {
                @Override
                public Enumeration<URL> getResources(String name) throws IOException {
                    return SERVICES.equals(name) ? findResources(name) : super.getResources(name);
                }
            }) {
                return EstimatorRegistry.load(loader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void listsProvidersByNameAndLooksUpIgnoringCase() {
        EstimatorRegistry r = registryOf(TestProviders.Beta.class, TestProviders.Alpha.class);
        assertEquals(List.of("alpha-test", "beta-test"), r.names());
        assertEquals("alpha-test", r.providers().get(0).name());
        assertTrue(r.contains("ALPHA-test"));
        assertFalse(r.contains("gamma"));
        assertFalse(r.contains(null));
        assertInstanceOf(TestProviders.Beta.class, r.provider("Beta-Test"));
        EstimatorProvider beta = r.provider("beta-test");
        assertFalse(beta.supportsConditional());
        assertTrue(beta.supports(DataKind.CONTINUOUS, 3, 2));
        assertFalse(beta.supports(DataKind.DISCRETE, 1, 1));
        assertTrue(beta.demoOptions().isEmpty());
    }

    @Test
    void unknownNameListsTheValidNames() {
        EstimatorRegistry r = registryOf(TestProviders.Alpha.class, TestProviders.Beta.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.provider("gamma"));
        assertEquals("unknown estimator 'gamma'; valid names: alpha-test, beta-test", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> registryOf().provider("ksg"));
        assertTrue(none.getMessage().contains("none on the class path"), none::getMessage);
        IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> r.provider(null));
        assertEquals("estimator name must not be null", nul.getMessage());
    }

    @Test
    void duplicateAndMixedCaseNamesAreProviderBugs() {
        IllegalStateException dup = assertThrows(IllegalStateException.class,
                () -> registryOf(TestProviders.Alpha.class, TestProviders.AlphaAgain.class));
        assertTrue(dup.getMessage().contains("'alpha-test'") && dup.getMessage().contains("AlphaAgain"),
                dup::getMessage);
        IllegalStateException mixed = assertThrows(IllegalStateException.class,
                () -> registryOf(TestProviders.MixedCase.class));
        assertTrue(mixed.getMessage().contains("'Mixed-Test'") && mixed.getMessage().contains("lower case"),
                mixed::getMessage);
    }

    @Test
    void createParsesOptionsAgainstTheSchema() {
        EstimatorRegistry r = registryOf(TestProviders.Alpha.class, TestProviders.Beta.class);
        MutualInformationEstimator def = r.create("alpha-test", Map.of(), 5);
        assertInstanceOf(MeanProductEstimator.class, def);
        assertEquals(5L, def.seed());
        assertEquals(ResamplingScheme.BOOTSTRAP, def.resamplingScheme());
        MutualInformationEstimator set = r.create("ALPHA-TEST", Map.of("offset", "0.25", "scheme", "subsampling"), 6);
        assertEquals(0.25, ((MeanProductEstimator) set).offset());
        assertEquals(ResamplingScheme.SUBSAMPLING, set.resamplingScheme());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> r.create("alpha-test", Map.of("kk", "3"), 1));
        assertEquals("unknown option 'kk' for estimator 'alpha-test'; valid options: k, offset, scheme, flag",
                unknown.getMessage());
        IllegalArgumentException noOptions = assertThrows(IllegalArgumentException.class,
                () -> r.create("beta-test", Map.of("k", "3"), 1));
        assertTrue(noOptions.getMessage().endsWith("valid options: (none)"), noOptions::getMessage);
        IllegalArgumentException typed = assertThrows(IllegalArgumentException.class,
                () -> r.create("alpha-test", Map.of("k", "three"), 1));
        assertEquals("option 'k' of estimator 'alpha-test' expects an integer, got 'three'", typed.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> r.create("alpha-test", Map.of("k", "0"), 1));
        assertEquals("option 'k' of estimator 'alpha-test': must be at least 1, got 0", range.getMessage());
    }
}
