package io.mist.estimators.nn.internal;

import io.mist.core.internal.Checks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Looks up enum constants by their option value (case-insensitive); an unknown value lists the known ones. */
public final class OptionIds {
    private OptionIds() {
    }

    /**
     * The constant of {@code values} whose id is {@code id}.
     *
     * @param option the option's name, for the message
     * @throws IllegalArgumentException for null or an unknown value
     */
    public static <E> E of(String option, String id, E[] values, Function<E, String> idOf) {
        String k = Checks.notNull(option, id).toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (idOf.apply(e).equals(k)) {
                return e;
            }
        }
        throw Checks.fail("unknown %s '%s'; known: %s", option, id, String.join(", ", ids(values, idOf)));
    }

    /** The ids of {@code values}, in order. */
    public static <E> String[] ids(E[] values, Function<E, String> idOf) {
        return Arrays.stream(values).map(idOf).toArray(String[]::new);
    }
}
