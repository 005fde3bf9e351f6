package io.mist.registry;

import io.mist.core.internal.Checks;

import java.util.List;
import java.util.Locale;

/**
 * One option an estimator accepts: its name (torch_mist / GMM-MI spelling where one exists), type, default
 * value as text, a one-line description and, for {@link OptionType#CHOICE}, the allowed words.
 *
 * @param name option key, e.g. {@code "k"}
 * @param type value type
 * @param defaultValue default as it would be written on the command line
 * @param description one line for {@code mist list}
 * @param choices allowed values for {@link OptionType#CHOICE}, empty otherwise
 */
public record OptionSpec(String name, OptionType type, String defaultValue, String description,
        List<String> choices) {

    /** Validates the spec and its default. */
    public OptionSpec {
        Checks.notNull("name", name);
        Checks.notNull("type", type);
        Checks.notNull("defaultValue", defaultValue);
        Checks.notNull("description", description);
        choices = List.copyOf(Checks.notNull("choices", choices));
        // the fields are assigned only after this compact constructor's body, so validate from the parameters
        parse(name, type, choices, "(default)", defaultValue);
    }

    /** An integer option. */
    public static OptionSpec ofInt(String name, int defaultValue, String description) {
        return new OptionSpec(name, OptionType.INT, Integer.toString(defaultValue), description, List.of());
    }

    /** A long option. */
    public static OptionSpec ofLong(String name, long defaultValue, String description) {
        return new OptionSpec(name, OptionType.LONG, Long.toString(defaultValue), description, List.of());
    }

    /** A double option. */
    public static OptionSpec ofDouble(String name, double defaultValue, String description) {
        return new OptionSpec(name, OptionType.DOUBLE, Double.toString(defaultValue), description, List.of());
    }

    /** A boolean option. */
    public static OptionSpec ofBoolean(String name, boolean defaultValue, String description) {
        return new OptionSpec(name, OptionType.BOOLEAN, Boolean.toString(defaultValue), description, List.of());
    }

    /** A choice among words. */
    public static OptionSpec ofChoice(String name, String defaultValue, String description, String... choices) {
        return new OptionSpec(name, OptionType.CHOICE, defaultValue, description, List.of(choices));
    }

    /** A list of integers, written comma-separated. */
    public static OptionSpec ofIntList(String name, List<Integer> defaultValue, String description) {
        return new OptionSpec(name, OptionType.INT_LIST, formatList(defaultValue), description, List.of());
    }

    /** {@code values} as written on the command line: comma-separated. */
    public static String formatList(List<Integer> values) {
        StringBuilder b = new StringBuilder();
        for (Integer v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    /** Free text. */
    public static OptionSpec ofString(String name, String defaultValue, String description) {
        return new OptionSpec(name, OptionType.STRING, defaultValue, description, List.of());
    }

    /**
     * Parses a textual value into its typed form ({@code Integer}, {@code Long}, {@code Double},
     * {@code Boolean}, {@code String} or an unmodifiable {@code List<Integer>}).
     *
     * @param estimator the estimator name, for the message
     * @throws IllegalArgumentException naming the option and the expected type
     */
    public Object parse(String estimator, String text) {
        return parse(name, type, choices, estimator, text);
    }

    private static Object parse(String name, OptionType type, List<String> choices, String estimator, String text) {
        String t = text == null ? "" : text.trim();
        try {
            switch (type) {
                case INT:
                    return Integer.parseInt(t);
                case LONG:
                    return Long.parseLong(t);
                case DOUBLE:
                    double v = Double.parseDouble(t);
                    if (!Double.isFinite(v)) {
                        throw new NumberFormatException();
                    }
                    return v;
                case BOOLEAN:
                    String b = t.toLowerCase(Locale.ROOT);
                    if (b.equals("true") || b.equals("false")) {
                        return Boolean.parseBoolean(b);
                    }
                    throw new NumberFormatException();
                case CHOICE:
                    if (choices.contains(t)) {
                        return t;
                    }
                    throw Checks.invalid(name, "option '%s' of estimator '%s' must be one of %s, got '%s'", name,
                            estimator, choices, text);
                case INT_LIST:
                    if (t.isEmpty()) {
                        return List.of();
                    }
                    List<Integer> out = new java.util.ArrayList<>();
                    for (String part : t.split(",")) {
                        out.add(Integer.parseInt(part.trim()));
                    }
                    return List.copyOf(out);
                case STRING:
                default:
                    return t;
            }
        } catch (NumberFormatException e) {
            throw Checks.invalid(name, "option '%s' of estimator '%s' expects %s, got '%s'", name, estimator,
                    type.description(), text);
        }
    }

    /** The spec in one line, for listings: {@code name=default (type): description}. */
    public String describe() {
        String kind = type == OptionType.CHOICE ? String.join("|", choices) : type.name().toLowerCase(Locale.ROOT);
        return name + "=" + defaultValue + " (" + kind + "): " + description;
    }
}
