package io.mist.estimators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mist.core.Samples;

import org.junit.jupiter.api.Test;

/** The PyTorch engine loads from the bundled natives, offline, and NDArrays round-trip through Samples. */
class DjlEngineSmokeTest {
    @Test
    void pytorchEngineRunsOffline() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
            assertArrayEquals(new float[] {7, 10, 15, 22}, a.matMul(a).toFloatArray());
        }
    }

    @Test
    void samplesRoundTripThroughNdArrays() {
        double[][] rows = {{1.5, -2}, {0.25, 4}, {3, 1e-3}};
        Samples s = Samples.of("x", rows);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = s.toNDArray(m);
            assertEquals(new Shape(3, 2), a.getShape());
            assertEquals(DataType.FLOAT32, a.getDataType());
            assertArrayEquals(s.toFloatRowMajor(), a.toFloatArray());
            Samples back = Samples.of("x", a);
            assertEquals(3, back.n());
            assertEquals(2, back.dim());
            assertArrayEquals(s.toRowMajor(), back.toRowMajor(), 1e-6);

            NDArray d = m.create(new double[] {0.1, 0.2, 0.3});
            Samples column = Samples.of("v", d);
            assertEquals(3, column.n());
            assertEquals(1, column.dim());
            assertArrayEquals(new double[] {0.1, 0.2, 0.3}, column.column(0), 0.0);
            assertEquals(DataType.FLOAT64, d.getDataType()); // input untouched
        }
    }

    @Test
    void badNdArraysAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray nan = m.create(new float[] {1, 2, Float.NaN, 4}, new Shape(2, 2));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Samples.of("x", nan));
            assertTrue(e.getMessage().contains("x: value at row 1, column 0 is NaN"), e::getMessage);
            NDArray cube = m.zeros(new Shape(2, 2, 2));
            IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Samples.of("y", cube));
            assertTrue(c.getMessage().contains("y must be a 1-D or 2-D array"), c::getMessage);
            NDArray empty = m.zeros(new Shape(0, 3));
            IllegalArgumentException z = assertThrows(IllegalArgumentException.class, () -> Samples.of("z", empty));
            assertTrue(z.getMessage().contains("z must be non-empty"), z::getMessage);
        }
    }
}
