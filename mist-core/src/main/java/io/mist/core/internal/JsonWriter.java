package io.mist.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small writer of one JSON object, built field by field: strings, numbers, string lists, number arrays
 * and nested objects. Numbers are written so that {@link Double#parseDouble} gives them back exactly; NaN and
 * infinities are written as {@code null} ({@link #JsonWriter()}, standard JSON, as the CLI's {@code --json}
 * output) or as the tokens {@code NaN}, {@code Infinity} and {@code -Infinity} ({@link #withNonFiniteTokens()},
 * which Python's {@code json} module also reads, for files that must keep every value). The one JSON writer
 * of the project: the CLI's output and the GMM model files use it. Not thread-safe; {@link #toString()} gives
 * the text on one line.
 *
 * <pre>{@code
 * String s = new JsonWriter().put("estimator", "ksg").put("value", 0.22).toString();
 * }</pre>
 */
public final class JsonWriter {
    private final List<String> fields = new ArrayList<>();
    private final boolean nonFiniteTokens;

    /** A writer that writes NaN and infinities as {@code null}. */
    public JsonWriter() {
        this(false);
    }

    private JsonWriter(boolean nonFiniteTokens) {
        this.nonFiniteTokens = nonFiniteTokens;
    }

    /** A writer that writes NaN and infinities as {@code NaN}, {@code Infinity} and {@code -Infinity}. */
    public static JsonWriter withNonFiniteTokens() {
        return new JsonWriter(true);
    }

    /** Adds a string field ({@code null} is written as {@code null}). */
    public JsonWriter put(String key, String value) {
        return field(key, value == null ? "null" : quote(value));
    }

    /** Adds a number field. */
    public JsonWriter put(String key, double value) {
        return field(key, number(value));
    }

    /** Adds an integer field. */
    public JsonWriter put(String key, long value) {
        return field(key, Long.toString(value));
    }

    /** Adds a list of strings. */
    public JsonWriter put(String key, List<String> values) {
        List<String> q = new ArrayList<>(values.size());
        for (String v : values) {
            q.add(v == null ? "null" : quote(v));
        }
        return field(key, "[" + String.join(",", q) + "]");
    }

    /** Adds an array of numbers. */
    public JsonWriter put(String key, double[] values) {
        return field(key, array(values));
    }

    /** Adds an array of arrays of numbers (a matrix, row by row). */
    public JsonWriter put(String key, double[][] values) {
        return field(key, matrix(values));
    }

    /** Adds an array of matrices. */
    public JsonWriter put(String key, double[][][] values) {
        List<String> out = new ArrayList<>(values.length);
        for (double[][] m : values) {
            out.add(matrix(m));
        }
        return field(key, "[" + String.join(",", out) + "]");
    }

    /** Adds a nested object. */
    public JsonWriter put(String key, JsonWriter value) {
        return field(key, value.toString());
    }

    /** Adds an array of nested objects. */
    public JsonWriter putObjects(String key, List<JsonWriter> values) {
        List<String> out = new ArrayList<>(values.size());
        for (JsonWriter v : values) {
            out.add(v.toString());
        }
        return field(key, "[" + String.join(",", out) + "]");
    }

    private JsonWriter field(String key, String json) {
        fields.add(quote(key) + ":" + json);
        return this;
    }

    /** The object as JSON text on one line. */
    @Override
    public String toString() {
        return "{" + String.join(",", fields) + "}";
    }

    private String matrix(double[][] values) {
        List<String> rows = new ArrayList<>(values.length);
        for (double[] r : values) {
            rows.add(array(r));
        }
        return "[" + String.join(",", rows) + "]";
    }

    private String array(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(number(values[i]));
        }
        return sb.append(']').toString();
    }

    /** A JSON number; integral values keep one decimal ({@code 3.0}); non-finite ones as the mode says. */
    private String number(double v) {
        if (!Double.isFinite(v)) {
            return !nonFiniteTokens ? "null" : Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return Double.toString(v);
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
