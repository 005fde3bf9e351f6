package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that {@link FittedGmm} files need, without a JSON library on users' class path: a parser
 * of objects, arrays, numbers, strings, {@code true}, {@code false} and {@code null} (plus the tokens
 * {@code NaN}, {@code Infinity} and {@code -Infinity} for special doubles, as
 * {@link io.mist.core.internal.JsonWriter#withNonFiniteTokens()} writes them). Objects parse to
 * {@code Map<String, Object>}, arrays to {@code List<Object>}, numbers to {@link Num} (their text, so a
 * {@code long} keeps every digit), strings to {@code String}.
 */
final class JsonText {
    /** A JSON number as written, converted on demand. */
    record Num(String text) {
        double asDouble() {
            return Double.parseDouble(text);
        }

        long asLong() {
            return Long.parseLong(text);
        }

        int asInt() {
            return Integer.parseInt(text);
        }
    }

    private final String s;
    private int pos;

    private JsonText(String s) {
        this.s = s;
    }

    /**
     * Parses one JSON value filling the whole text.
     *
     * @throws IllegalArgumentException on malformed text (message names the position)
     */
    static Object parse(String text) {
        JsonText p = new JsonText(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("end of text");
        }
        return v;
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) {
            throw error("a value");
        }
        char c = s.charAt(pos);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return list();
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        return num();
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek('}')) {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("a quoted key");
            }
            String key = string();
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> list() {
        List<Object> a = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek(']')) {
            pos++;
            return a;
        }
        while (true) {
            a.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                return a;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                break;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("four hex digits");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("four hex digits");
                    }
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
        throw error("a closing quote");
    }

    private Num num() {
        int start = pos;
        if (s.startsWith("NaN", pos)) {
            pos += 3;
        } else if (s.startsWith("Infinity", pos)) {
            pos += 8;
        } else if (s.startsWith("-Infinity", pos)) {
            pos += 9;
        } else {
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String t = s.substring(start, pos);
            try {
                Double.parseDouble(t);
            } catch (NumberFormatException ex) {
                pos = start;
                throw error("a value");
            }
        }
        return new Num(s.substring(start, pos));
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String wanted) {
        return Checks.fail("expected %s at character %d", wanted, pos);
    }
}
