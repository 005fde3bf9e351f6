package io.mist.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.registry.EstimatorRegistry;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The module descriptors are right for real: core, train and estimators, with DJL, Commons and SLF4J as
 * modules, resolve as a module layer; the estimators are found through {@link ServiceLoader} in that layer
 * (core's {@code uses} and estimators' {@code provides}); internal packages are exported to the sibling modules
 * only; and {@code EstimateMI} run inside the layer gives the class-path value. The rest of the suite runs on
 * the class path.
 */
class ModuleLayerTest {
    /** One class of each module the layer needs, so that its jar or classes directory can be found. */
    private static final List<String> ANCHORS = List.of(
            "io.mist.EstimateMI", "io.mist.train.TrainConfig", "io.mist.estimators.auto.AutoEstimator",
            "ai.djl.ndarray.NDArray", "org.apache.commons.rng.UniformRandomProvider",
            "org.apache.commons.rng.simple.RandomSource", "org.apache.commons.rng.core.BaseProvider",
            "org.apache.commons.rng.sampling.PermutationSampler", "org.apache.commons.numbers.gamma.Gamma",
            "org.apache.commons.numbers.core.Precision", "org.apache.commons.numbers.fraction.Fraction",
            "org.slf4j.LoggerFactory");

    private static ModuleLayer layer() throws ClassNotFoundException, URISyntaxException {
        List<Path> paths = new ArrayList<>();
        for (String anchor : ANCHORS) {
            Class<?> c = Class.forName(anchor, false, ModuleLayerTest.class.getClassLoader());
            paths.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        ModuleFinder finder = ModuleFinder.of(paths.toArray(new Path[0]));
        Configuration cf = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.mist.estimators"));
        return ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void providersAreFoundThroughTheModuleLayer() throws Exception {
        ModuleLayer layer = layer();
        Class<?> service = layer.findLoader("io.mist.core").loadClass("io.mist.registry.EstimatorProvider");
        assertEquals("io.mist.core", service.getModule().getName(), "the service type comes from the layer");
        Set<String> names = new TreeSet<>();
        Method name = service.getMethod("name");
        for (Object provider : ServiceLoader.load(layer, service)) {
            assertEquals("io.mist.estimators", provider.getClass().getModule().getName());
            names.add((String) name.invoke(provider));
        }
        assertEquals(EstimatorRegistry.global().names().stream().collect(Collectors.toSet()),
                names, "the module layer finds every provider the class path finds");
    }

    @Test
    void internalPackagesAreExportedOnlyToSiblings() throws Exception {
        ModuleLayer layer = layer();
        Module core = layer.findModule("io.mist.core").orElseThrow();
        Module estimators = layer.findModule("io.mist.estimators").orElseThrow();
        Module unnamed = ModuleLayerTest.class.getModule();
        assertTrue(core.isExported("io.mist.core"));
        assertFalse(core.isExported("io.mist.core.internal"), "core's internals are not API");
        assertTrue(core.isExported("io.mist.core.internal", estimators), "siblings read core's internals");
        assertFalse(core.isExported("io.mist.core.internal", unnamed));
        assertTrue(estimators.isExported("io.mist.estimators.nonparametric"));
        assertFalse(estimators.isExported("io.mist.estimators.nonparametric.internal"));
    }

    @Test
    void estimateInsideTheLayerEqualsTheClassPathValue() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11L);
        double[] x = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
            y[i] = x[i] + 0.5 * random.nextDouble();
        }
        double expected = EstimateMI.estimate(x, y, "ksg").value();
        ClassLoader loader = layer().findLoader("io.mist.core");
        Class<?> facade = loader.loadClass("io.mist.EstimateMI");
        assertEquals("io.mist.core", facade.getModule().getName());
        Object estimate = facade.getMethod("estimate", double[].class, double[].class, String.class)
                .invoke(null, x, y, "ksg");
        double value = (double) estimate.getClass().getMethod("value").invoke(estimate);
        assertEquals(expected, value, 0.0, "same code, same data, same value on the module path");
    }
}
