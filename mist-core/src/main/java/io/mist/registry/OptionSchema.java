package io.mist.registry;

import io.mist.core.internal.Checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;

/**
 * The options of a config, described once: for each option its name as the user types it, type, default,
 * one-line doc ({@link OptionSpec}) and the builder setter its parsed value goes to. A config declares its
 * schema next to its defaults (one line per option); providers, {@code mist list}, the CLI and the docs'
 * options tables are all generated from it. Immutable.
 *
 * @param <B> the builder the options are set on
 */
public final class OptionSchema<B> {
    /**
     * One option: its description and how its parsed value is set on a builder.
     *
     * @param spec the description
     * @param setter sets the parsed value ({@link OptionSpec#parse}'s type) on the builder
     * @param <B> the builder
     */
    public record Binding<B>(OptionSpec spec, BiConsumer<B, Object> setter) {
        /** Checks both parts. */
        public Binding {
            Checks.notNull("spec", spec);
            Checks.notNull("setter", setter);
        }
    }

    /**
     * The name of the option that asks a front end for a training progress bar. In the library it does
     * nothing by itself (the library never prints): front ends read it and draw progress from a
     * {@link io.mist.core.TrainingListener} they attach; {@code mist estimate} draws a bar on standard error.
     * Library users attach their own listener with {@code EstimateMI.with(name).listener(l)}.
     */
    public static final String PROGRESS = "progress";

    /** The thread count that means all cores ({@link Checks#threads}). */
    public static final int ALL_CORES = 0;

    private final List<Binding<B>> bindings;

    private OptionSchema(List<Binding<B>> bindings) {
        this.bindings = List.copyOf(bindings);
        long distinct = this.bindings.stream().map(b -> b.spec().name()).distinct().count();
        if (distinct != this.bindings.size()) {
            throw new IllegalStateException("two options share a name in " + specs());
        }
    }

    /** A schema of {@code bindings}, in listing order. */
    @SafeVarargs
    public static <B> OptionSchema<B> of(Binding<B>... bindings) {
        return new OptionSchema<>(Arrays.asList(bindings));
    }

    /** This schema followed by {@code more}. */
    public OptionSchema<B> and(OptionSchema<B> more) {
        List<Binding<B>> all = new ArrayList<>(bindings);
        all.addAll(more.bindings);
        return new OptionSchema<>(all);
    }

    /** This schema followed by {@code more}. */
    @SafeVarargs
    public final OptionSchema<B> and(Binding<B>... more) {
        return and(of(more));
    }

    /** This schema applied to the part {@code part(c)} of a larger builder {@code c}. */
    public <C> OptionSchema<C> on(Function<C, B> part) {
        List<Binding<C>> mapped = new ArrayList<>();
        for (Binding<B> b : bindings) {
            mapped.add(new Binding<>(b.spec(), (c, v) -> b.setter().accept(part.apply(c), v)));
        }
        return new OptionSchema<>(mapped);
    }

    /** This schema without the options named in {@code names} (for schemas merged from parts that share some). */
    public OptionSchema<B> without(java.util.Collection<String> names) {
        return new OptionSchema<>(bindings.stream().filter(b -> !names.contains(b.spec().name())).toList());
    }

    /** The descriptions, in listing order. */
    public List<OptionSpec> specs() {
        return bindings.stream().map(Binding::spec).toList();
    }

    /** Sets every option's value (given or default) from {@code options} on {@code target}; returns it. */
    public B apply(EstimatorOptions options, B target) {
        for (Binding<B> b : bindings) {
            b.setter().accept(target, options.get(b.spec().name()));
        }
        return target;
    }

    /** An integer option. */
    public static <B> Binding<B> intOption(String name, int defaultValue, String doc, ObjIntConsumer<B> set) {
        return new Binding<>(OptionSpec.ofInt(name, defaultValue, doc), (b, v) -> set.accept(b, (Integer) v));
    }

    /** A double option. */
    public static <B> Binding<B> doubleOption(String name, double defaultValue, String doc,
            ObjDoubleConsumer<B> set) {
        return new Binding<>(OptionSpec.ofDouble(name, defaultValue, doc), (b, v) -> set.accept(b, (Double) v));
    }

    /** A boolean option. */
    public static <B> Binding<B> booleanOption(String name, boolean defaultValue, String doc,
            BiConsumer<B, Boolean> set) {
        return new Binding<>(OptionSpec.ofBoolean(name, defaultValue, doc), (b, v) -> set.accept(b, (Boolean) v));
    }

    /** A comma-separated list of integers. */
    @SuppressWarnings("unchecked")
    public static <B> Binding<B> intListOption(String name, List<Integer> defaultValue, String doc,
            BiConsumer<B, List<Integer>> set) {
        return new Binding<>(OptionSpec.ofIntList(name, defaultValue, doc),
                (b, v) -> set.accept(b, (List<Integer>) v));
    }

    /** A choice among an enum's constants, written as {@code label(e)}. */
    public static <B, E extends Enum<E>> Binding<B> choiceOption(String name, E defaultValue, String doc,
            Function<E, String> label, BiConsumer<B, E> set) {
        E[] all = defaultValue.getDeclaringClass().getEnumConstants();
        String[] labels = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            labels[i] = label.apply(all[i]);
        }
        OptionSpec spec = OptionSpec.ofChoice(name, label.apply(defaultValue), doc, labels);
        return new Binding<>(spec, (b, v) -> {
            for (E e : all) {
                if (label.apply(e).equals(v)) {
                    set.accept(b, e);
                    return;
                }
            }
            throw new IllegalStateException("option '" + name + "': no constant labelled '" + v + "'");
        });
    }

    /** A choice among an enum's constants, written as their lower-case names. */
    public static <B, E extends Enum<E>> Binding<B> choiceOption(String name, E defaultValue, String doc,
            BiConsumer<B, E> set) {
        return choiceOption(name, defaultValue, doc, e -> e.name().toLowerCase(Locale.ROOT), set);
    }

    /** The {@code threads} option every parallel estimator takes: 0 (the default) means all cores. */
    public static <B> Binding<B> threadsOption(ObjIntConsumer<B> set) {
        return intOption("threads", ALL_CORES, "worker threads of the call-local pool (0 = all cores)", set);
    }

    /** The {@link #PROGRESS} option of estimators that train (a front-end option; default false). */
    public static <B> Binding<B> progressOption() {
        return frontEndOption(OptionSpec.ofBoolean(PROGRESS, false,
                "front ends show a training progress bar (mist estimate: on standard error); "
                        + "the library never prints"));
    }

    /**
     * An option a front end acts on and the library accepts without acting on it (e.g. {@code progress}, which
     * the {@code mist} CLI turns into its progress bar).
     */
    public static <B> Binding<B> frontEndOption(OptionSpec spec) {
        return new Binding<>(spec, (b, v) -> {
        });
    }
}
