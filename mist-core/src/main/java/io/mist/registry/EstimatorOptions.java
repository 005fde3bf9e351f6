package io.mist.registry;

import io.mist.core.internal.Checks;
import io.mist.core.InvalidOptionException;
import io.mist.core.TrainingListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Options for one estimator after parsing and type checking against its schema: every declared option has
 * a typed value (given or default), unknown keys were rejected, and the seed is explicit. Besides the
 * options it carries what the caller asked for in typed form: the number of resampling replicates an
 * estimator with its own uncertainty ({@link EstimatorProvider#ownUncertainty()}) should run, and the
 * training listeners of an estimator that trains. Providers read these to build their typed, validated
 * config; nothing inside the library keeps string property bags. Immutable.
 */
public final class EstimatorOptions {
    private final String estimator;
    private final Map<String, Object> values;
    private final Map<String, String> given;
    private final long seed;
    private final int replicates;
    private final List<TrainingListener> listeners;

    private EstimatorOptions(String estimator, Map<String, Object> values, Map<String, String> given, long seed,
            int replicates, List<TrainingListener> listeners) {
        this.estimator = estimator;
        this.values = Collections.unmodifiableMap(values);
        this.given = Collections.unmodifiableMap(given);
        this.seed = seed;
        this.replicates = replicates;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Parses {@code raw} against {@code specs}.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or an ill-typed value
     *     (an {@link InvalidOptionException} naming the option)
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
                throw Checks.invalid(key, "unknown option '%s' for estimator '%s'; valid options: %s", key,
                        estimator, valid);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec s : specs) {
            String text = raw.getOrDefault(s.name(), s.defaultValue());
            values.put(s.name(), s.parse(estimator, text));
        }
        return new EstimatorOptions(estimator, values, new LinkedHashMap<>(raw), seed, 0, List.of());
    }

    /**
     * These options with {@code count} resampling replicates requested (0 = none). Only estimators with
     * their own uncertainty read it; the others are wrapped by {@code io.mist.uncertainty.Uncertainty}.
     */
    public EstimatorOptions withReplicates(int count) {
        return new EstimatorOptions(estimator, values, given, seed, Checks.atLeast("bootstrap", count, 0),
                listeners);
    }

    /** These options with {@code listener} added (read by estimators that train; ignored by the others). */
    public EstimatorOptions withListener(TrainingListener listener) {
        List<TrainingListener> l = new ArrayList<>(listeners);
        l.add(Checks.notNull("listener", listener));
        return new EstimatorOptions(estimator, values, given, seed, replicates, l);
    }

    /** The estimator these options are for. */
    public String estimator() {
        return estimator;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Resampling replicates the caller asked for (0 = none). */
    public int replicates() {
        return replicates;
    }

    /** Training listeners the caller gave. */
    public List<TrainingListener> listeners() {
        return listeners;
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

    /** Integer-list option (unmodifiable). */
    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) get(name);
    }

    /** The typed value of option {@code name}, as {@link OptionSpec#parse} made it. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("estimator '" + estimator + "' read undeclared option '" + name + "'");
        }
        return v;
    }
}
