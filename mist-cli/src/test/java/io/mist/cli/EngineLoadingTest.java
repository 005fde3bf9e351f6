package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Estimators that do not train never load DJL or the PyTorch engine: {@code mist estimate} in a fresh JVM
 * with {@code -verbose:class} (the test JVM itself has loaded the engine for other tests, so only a child
 * JVM can tell). Loading the engine costs a cold start about a second and its native library.
 */
class EngineLoadingTest {
    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ksg", "gaussian", "gmm", "ksg-mixed", "histogram"})
    void nonTrainingEstimatorsDoNotLoadTheEngine(String estimator) throws IOException, InterruptedException {
        TaskSample s = GaussianTask.bivariate(0.6).sample(200, 3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g%n", s.x().get(i, 0), s.y().get(i, 0)));
        }
        Path csv = dir.resolve(estimator + ".csv");
        Files.writeString(csv, sb.toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "estimate", "--estimator", estimator, "--x", csv + ":0", "--y", csv + ":1",
                "--json"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("\"estimator\":\"" + estimator + "\""), out);
        assertTrue(out.contains(" io.mist.cli.Main "), "the class-loading log is there");
        List<String> engine = out.lines().filter(l -> l.contains("ai.djl") || l.contains("pytorch")).limit(5)
                .toList();
        assertTrue(engine.isEmpty(), () -> estimator + " loaded " + engine);
    }
}
