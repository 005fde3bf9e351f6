package io.mist.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesTheCliNumberFormatNullsAndEscapes() {
        String s = new JsonWriter().put("a", 1.0).put("b", 0.25).put("c", Double.NaN).put("d", 7L)
                .put("e", "q\"\\\n\u0001").put("f", (String) null).put("g", List.of("x", "y")).toString();
        assertEquals("{\"a\":1.0,\"b\":0.25,\"c\":null,\"d\":7,\"e\":\"q\\\"\\\\\\n\\u0001\",\"f\":null,"
                + "\"g\":[\"x\",\"y\"]}", s);
    }

    @Test
    void nestsArraysAndObjects() {
        JsonWriter inner = new JsonWriter().put("w", new double[] {0.5, Double.POSITIVE_INFINITY});
        String s = new JsonWriter().put("m", new double[][] {{1, 2}, {3.5}}).put("o", inner)
                .putObjects("list", List.of(inner, new JsonWriter())).toString();
        assertEquals("{\"m\":[[1.0,2.0],[3.5]],\"o\":{\"w\":[0.5,null]},\"list\":[{\"w\":[0.5,null]},{}]}", s);
    }

    @Test
    void fileModeKeepsNonFiniteValuesAndExactDoubles() {
        double third = 1.0 / 3;
        String s = JsonWriter.withNonFiniteTokens().put("v", new double[] {Double.NaN, Double.NEGATIVE_INFINITY,
            third}).put("c", new double[][][] {{{1e300}}}).toString();
        assertEquals("{\"v\":[NaN,-Infinity," + third + "],\"c\":[[[1.0E300]]]}", s);
        assertEquals(third, Double.parseDouble(Double.toString(third)));
    }
}
