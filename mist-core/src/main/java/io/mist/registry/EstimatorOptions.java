package io.mist.registry;

import io.mist.core.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Options for one estimator after parsing and type checking against its schema: every declared option has
 * a typed value (given or default), unknown keys were rejected, and the seed is explicit. Providers read
 * these to build their typed, validated config; nothing inside the library keeps string property bags.
 */
public final class EstimatorOptions {
    private final String estimator;
    private final Map<String, Object> values;
    private final Map<String, String> given;
    private final long seed;

    private EstimatorOptions(String estimator, Map<String, Object> values, Map<String, String> given, long seed) {
        this.estimator = estimator;
        this.values = Collections.unmodifiableMap(values);
        this.given = Collections.unmodifiableMap(given);
        this.seed = seed;
    }

    /**
     * Parses {@code raw} against {@code specs}.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or an ill-typed value
     */
    public static EstimatorOptions parse(String estimator, List<OptionSpec> specs, Map<String, String> raw,
            long seed) {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        for (OptionSpec s : specs) {
            byName.put(s.name(), s);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                String valid = byName.isEmpty() ? "(none)"
                        : byName.keySet().stream().collect(Collectors.joining(", "));
                throw Checks.fail("unknown option '%s' for estimator '%s'; valid options: %s", key, estimator, valid);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec s : specs) {
            String text = raw.getOrDefault(s.name(), s.defaultValue());
            values.put(s.name(), s.parse(estimator, text));
        }
        return new EstimatorOptions(estimator, values, new LinkedHashMap<>(raw), seed);
    }

    /** The estimator these options are for. */
    public String estimator() {
        return estimator;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Whether the user gave {@code name} explicitly (rather than taking the default). */
    public boolean isGiven(String name) {
        return given.containsKey(name);
    }

    /** Integer option. */
    public int getInt(String name) {
        return (Integer) get(name);
    }

    /** Long option. */
    public long getLong(String name) {
        return (Long) get(name);
    }

    /** Double option. */
    public double getDouble(String name) {
        return (Double) get(name);
    }

    /** Boolean option. */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** Choice or string option. */
    public String getString(String name) {
        return (String) get(name);
    }

    /** Integer-list option (a copy). */
    public int[] getIntList(String name) {
        return ((int[]) get(name)).clone();
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("estimator '" + estimator + "' read undeclared option '" + name + "'");
        }
        return v;
    }

    /**
     * Wraps a config builder's validation failure so the message names the option as the user wrote it.
     *
     * @return never returns normally
     */
    public IllegalArgumentException invalid(String name, String problem) {
        return Checks.fail("option '%s' of estimator '%s': %s", name, estimator, problem);
    }
}
