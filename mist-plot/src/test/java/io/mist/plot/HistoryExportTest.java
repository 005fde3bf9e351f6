package io.mist.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.TrainingHistory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training-history export: the CSV is the history's own text, the PNG a real image. */
class HistoryExportTest {
    private static TrainingHistory history() {
        TrainingHistory.Builder b = new TrainingHistory.Builder();
        for (int i = 1; i <= 50; i++) {
            b.step(i, -0.01 * i, 0.4 * (1 - Math.exp(-i / 10.0)));
        }
        b.evaluation(25, 0.30).evaluation(50, 0.36);
        return b.build();
    }

    @Test
    void csvIsTheHistorysTextAndPngIsAnImage(@TempDir Path dir) throws Exception {
        TrainingHistory h = history();
        Path csv = dir.resolve("h.csv");
        HistoryExport.writeCsv(h, csv);
        assertEquals(h.toCsv(), Files.readString(csv, StandardCharsets.UTF_8));
        Path png = dir.resolve("h.png");
        HistoryExport.writePng(h, png, "mine", OptionalDouble.of(0.4463), 10);
        byte[] b = Files.readAllBytes(png);
        assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G');
    }

    @Test
    void emptyHistoryOrBadWindowIsRejected(@TempDir Path dir) {
        Path png = dir.resolve("h.png");
        assertThrows(IllegalArgumentException.class,
                () -> HistoryExport.writePng(TrainingHistory.empty(), png, "t", OptionalDouble.empty(), 1));
        assertThrows(IllegalArgumentException.class,
                () -> HistoryExport.writePng(history(), png, "t", OptionalDouble.empty(), 0));
    }
}
