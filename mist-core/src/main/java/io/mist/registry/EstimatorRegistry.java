package io.mist.registry;

import io.mist.core.internal.Checks;
import io.mist.core.MutualInformationEstimator;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The estimators on the class path, by name. Loaded once through {@link ServiceLoader}; two providers with
 * the same name, or a name that is not lower case, are an error. Lookups ignore case.
 */
public final class EstimatorRegistry {
    private static final class Holder {
        static final EstimatorRegistry INSTANCE = load(EstimatorRegistry.class.getClassLoader());
    }

    private final Map<String, EstimatorProvider> providers;

    private EstimatorRegistry(Map<String, EstimatorProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The registry of the class path that loaded mist-core. */
    public static EstimatorRegistry global() {
        return Holder.INSTANCE;
    }

    /** A registry of the providers visible to {@code loader}. */
    public static EstimatorRegistry load(ClassLoader loader) {
        Map<String, EstimatorProvider> map = new TreeMap<>();
        for (EstimatorProvider p : ServiceLoader.load(EstimatorProvider.class, loader)) {
            String name = p.name();
            if (name == null || name.isBlank() || !name.equals(name.trim().toLowerCase(Locale.ROOT))) {
                // lookups are case-insensitive by lower-casing the request, so a registered name must be lower case
                throw new IllegalStateException("estimator provider " + p.getClass().getName()
                        + " has an invalid name '" + name + "': names must be non-empty and lower case");
            }
            EstimatorProvider old = map.put(name, p);
            if (old != null) {
                throw new IllegalStateException("two estimators are registered as '" + p.name() + "': "
                        + old.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new EstimatorRegistry(map);
    }

    /** Registered names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** All providers in name order. */
    public List<EstimatorProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** Whether {@code name} is registered. */
    public boolean contains(String name) {
        return name != null && providers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The provider named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid names if there is none
     */
    public EstimatorProvider provider(String name) {
        Checks.notNull("estimator name", name);
        EstimatorProvider p = providers.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw Checks.fail("unknown estimator '%s'; valid names: %s", name,
                    providers.isEmpty() ? "(none on the class path: add mist-estimators)"
                            : String.join(", ", providers.keySet()));
        }
        return p;
    }

    /** Builds the estimator {@code name} from string options (checked against its schema) and a seed. */
    public MutualInformationEstimator create(String name, Map<String, String> options, long seed) {
        EstimatorProvider p = provider(name);
        return p.create(EstimatorOptions.parse(p.name(), p.options(), options, seed));
    }
}
