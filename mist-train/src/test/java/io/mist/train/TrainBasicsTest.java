package io.mist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;
import io.mist.data.PairedData;
import io.mist.train.data.CsvData;
import io.mist.train.internal.Ema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EMA, config validation, split sizes and data readers (no engine needed). */
class TrainBasicsTest {
    @Test
    void emaStartsAtTheFirstValueAndDecays() {
        Ema e = new Ema(0.9);
        assertTrue(Double.isNaN(e.value()));
        assertEquals(2.0, e.update(2.0), 0.0);
        assertEquals(0.9 * 2.0 + 0.1 * 4.0, e.update(4.0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new Ema(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Ema(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Ema(-0.1));
    }

    @Test
    void emaFollowsItsRecursionCountsAndResets() {
        double gamma = 0.75;
        Ema e = new Ema(gamma);
        double[] xs = {3.0, -1.0, 0.5, 8.0, 2.0};
        double expected = xs[0];
        for (int i = 0; i < xs.length; i++) {
            expected = i == 0 ? xs[0] : gamma * expected + (1 - gamma) * xs[i];
            assertEquals(expected, e.update(xs[i]), 0.0);
            assertEquals(i + 1, e.count());
        }
        assertEquals(expected, e.value(), 0.0);
        e.reset();
        assertEquals(0, e.count());
        assertTrue(Double.isNaN(e.value()));
        assertEquals(-4.0, e.update(-4.0), 0.0);
        Ema last = new Ema(0);
        last.update(1.0);
        assertEquals(7.0, last.update(7.0), 0.0);
    }

    @Test
    void configValidationNamesTheSetting() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().batchSize(1).build());
        assertTrue(a.getMessage().contains("batch_size"), a::getMessage);
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().learningRate(Double.NaN).build());
        assertTrue(b.getMessage().startsWith("lr "), b::getMessage);
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().validFraction(1.0).build());
        assertTrue(c.getMessage().contains("valid_percentage"), c::getMessage);
        TrainConfig d = TrainConfig.builder().build();
        assertEquals(128, d.batchSize());
        assertEquals(5e-4, d.learningRate());
        assertEquals(0.1, d.validFraction());
        assertEquals(1e-3, d.tolerance());
        assertTrue(d.earlyStopping());
    }

    @Test
    void splitSizes() {
        TrainConfig tc = TrainConfig.builder().validFraction(0.2).seed(1).build();
        int[][] p = Trainer.split(101, tc);
        assertEquals(81, p[0].length);
        assertEquals(20, p[1].length);
        int[][] none = Trainer.split(50, tc.toBuilder().validFraction(0).build());
        assertEquals(50, none[0].length);
        assertEquals(0, none[1].length);
    }

    @Test
    void csvRowsEqualInMemoryRows(@TempDir Path dir) throws IOException {
        double[][] x = {{1.5, -2}, {0.25, 3}, {7, 8}};
        double[][] y = {{0.1}, {0.2}, {1e-3}};
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "x1,x2,y\n1.5,-2,0.1\r\n0.25,3,0.2\n7,8,1e-3", StandardCharsets.UTF_8);
        PairedData csv = CsvData.open(f, true, new int[] {0, 1}, new int[] {2});
        PairedData mem = PairedData.of(Samples.of("x", x), Samples.of("y", y));
        assertEquals(3, csv.size());
        int[] rows = {2, 0, 1};
        float[] xa = new float[6];
        float[] ya = new float[3];
        float[] xb = new float[6];
        float[] yb = new float[3];
        csv.read(rows, xa, ya);
        mem.read(rows, xb, yb);
        assertArrayEquals(xb, xa);
        assertArrayEquals(yb, ya);
        PairedData sub = mem.subset(new int[] {2, 1});
        sub.read(new int[] {0}, new float[2], new float[1]);
        assertThrows(IllegalArgumentException.class, () -> mem.read(new int[] {3}, xa, ya));
    }
}
