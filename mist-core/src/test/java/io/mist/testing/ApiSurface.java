package io.mist.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public surface of one compiled library module: which packages its {@code module-info.class} exports to
 * everyone, and which public top-level types live outside them. A module's test compares the latter with its
 * checked-in list ({@link #LIST}), so that a new public type outside the API is a decision, not an accident.
 */
public final class ApiSurface {
    /** The checked-in list of public types outside the exported packages, relative to the module's directory. */
    public static final String LIST = "src/test/resources/internal-public-types.txt";

    private final ModuleDescriptor descriptor;
    private final Path classes;

    private ApiSurface(ModuleDescriptor descriptor, Path classes) {
        this.descriptor = descriptor;
        this.classes = classes;
    }

    /** The surface of the module whose compiled classes hold {@code anchor}. */
    public static ApiSurface of(Class<?> anchor) {
        try {
            Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
                return new ApiSurface(ModuleDescriptor.read(in), classes);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the module descriptor next to " + anchor.getName(), e);
        }
    }

    /** The module's descriptor as compiled. */
    public ModuleDescriptor descriptor() {
        return descriptor;
    }

    /** Packages exported to every module (qualified exports left out). */
    public Set<String> exportedPackages() {
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Public top-level types (binary names) in packages that are not exported to everyone. */
    public Set<String> publicTypesOutsideExports() {
        Set<String> exported = exportedPackages();
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
            for (Path p : all) {
                String rel = classes.relativize(p).toString().replace('\\', '/');
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                int dot = name.lastIndexOf('.');
                String simple = name.substring(dot + 1);
                if (dot < 0 || simple.contains("$") || simple.equals("package-info")) {
                    continue;
                }
                if (!exported.contains(name.substring(0, dot)) && isPublic(name)) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + classes, e);
        }
        return out;
    }

    /** The checked-in list of the module in the working directory (one binary name a line, # comments). */
    public static Set<String> listed() {
        try {
            List<String> lines = Files.readAllLines(Path.of(LIST));
            Set<String> out = new TreeSet<>();
            for (String line : lines) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LIST + " (run the test from the module's directory)", e);
        }
    }

    /**
     * What is wrong with the surface against the checked-in list, one line each: unlisted public types outside
     * the exports, and listed types that are no longer public and internal. Empty when they agree.
     */
    public List<String> problems() {
        Set<String> actual = publicTypesOutsideExports();
        Set<String> listed = listed();
        List<String> out = new ArrayList<>();
        for (String t : actual) {
            if (!listed.contains(t)) {
                out.add("public type " + t + " is in a package that module " + descriptor.name()
                        + " does not export: make it package-private, or move it to an exported package if users"
                        + " need it, or (an internal type used from other packages of this module or by sibling"
                        + " mist modules) add it to " + LIST);
            }
        }
        for (String t : listed) {
            if (!actual.contains(t)) {
                out.add(t + " is listed in " + LIST + " but is no longer a public type outside the exports of "
                        + descriptor.name() + ": remove the line");
            }
        }
        return out;
    }

    private static boolean isPublic(String name) {
        try {
            return Modifier.isPublic(Class.forName(name, false, ApiSurface.class.getClassLoader()).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + name + " cannot be loaded", e);
        }
    }
}
