package io.mist.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A one-line JSON object writer for the CLI's {@code --json} output (NaN is written as {@code null}). */
final class Json {
    private final List<String> fields = new ArrayList<>();

    Json put(String key, String value) {
        fields.add(quote(key) + ":" + (value == null ? "null" : quote(value)));
        return this;
    }

    Json put(String key, double value) {
        fields.add(quote(key) + ":" + (Double.isFinite(value) ? number(value) : "null"));
        return this;
    }

    Json put(String key, long value) {
        fields.add(quote(key) + ":" + value);
        return this;
    }

    Json put(String key, List<String> values) {
        List<String> q = new ArrayList<>();
        for (String v : values) {
            q.add(quote(v));
        }
        fields.add(quote(key) + ":[" + String.join(",", q) + "]");
        return this;
    }

    @Override
    public String toString() {
        return "{" + String.join(",", fields) + "}";
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return Double.toString(v);
    }

    static String quote(String s) {
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
