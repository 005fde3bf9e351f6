package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.train.data.NpyData;
import io.mist.train.data.NpyWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code EstimateMI.with(name).estimate(PairedData)}: streamed data reaches the estimators that train. */
class StreamingEstimateTest {
    @Test
    void aStreamedFileGivesTheInMemoryEstimate(@TempDir Path dir) {
        TaskSample s = GaussianTask.componentwise(1, 0.6).sample(800, 2);
        Path xf = write(dir.resolve("x.npy"), s.x().toArray());
        Path yf = write(dir.resolve("y.npy"), s.y().toArray());
        EstimateMI.Request req = EstimateMI.with("smile").option("max_iterations", 150).option("device", "cpu")
                .seed(4);
        MIEstimate mem = req.estimate(s.x(), s.y());
        MIEstimate streamed = req.estimate(NpyData.open(xf, yf));
        // same batches in the same order: equal up to float summation order in native kernels
        assertEquals(mem.value(), streamed.value(), 1e-4);
        assertEquals(800, streamed.n());
        assertEquals(1, streamed.dx());
        assertEquals(1, streamed.dy());
    }

    @Test
    void estimatorsThatNeedAllRowsSaySoInOneLine() {
        TaskSample s = GaussianTask.componentwise(1, 0.6).sample(50, 2);
        PairedData data = PairedData.of(s.x(), s.y());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateMI.with("ksg").estimate(data));
        assertTrue(e.getMessage().contains("'ksg' needs all data in memory"), e.getMessage());
        assertTrue(e.getMessage().contains("smile"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> EstimateMI.with("smile").bootstrap(5).estimate(data));
        assertTrue(b.getMessage().contains("bootstrap"), b.getMessage());
    }

    /**
     * Trains on 2 x 105 MB of float64 (660,000 rows of 20 + 20 columns) in a JVM whose heap is 48 MB, so
     * the rows cannot all be in memory, not even as float32 (106 MB). y = 0.5 x + sqrt(0.75) e per column, so
     * I = -10 ln(0.75) = 2.88 nats. 120 iterations learn part of it (0.60 nats at seed 5); on independent
     * data the value on the 66,000 held-out rows would be within a few hundredths of 0, so above 0.3 means the
     * streamed batches carried the dependence, and below the truth plus a margin means no nonsense.
     */
    @Test
    void trainsOnAFileSeveralTimesLargerThanTheHeap(@TempDir Path dir) throws IOException, InterruptedException {
        int n = 660_000;
        int d = 20;
        Path xf = dir.resolve("x.npy");
        Path yf = dir.resolve("y.npy");
        UniformRandomProvider rng = Seeds.rng(11);
        double[] x = new double[d];
        double[] y = new double[d];
        try (NpyWriter wx = NpyWriter.create(xf, n, d); NpyWriter wy = NpyWriter.create(yf, n, d)) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[j] = gaussian(rng);
                    y[j] = 0.5 * x[j] + Math.sqrt(0.75) * gaussian(rng);
                }
                wx.writeRow(x);
                wy.writeRow(y);
            }
        }
        long fileBytes = Files.size(xf) + Files.size(yf);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx48m",
                "-Dai.djl.offline=" + System.getProperty("ai.djl.offline", "true"),
                "-Dai.djl.default_engine=PyTorch", "-cp", System.getProperty("java.class.path"),
                StreamingMain.class.getName(), xf.toString(), yf.toString(), "120"));
        pb.redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        long heap = number(text, "max_heap_bytes");
        assertTrue(fileBytes > 4 * heap, () -> "files " + fileBytes + " bytes, heap " + heap);
        assertEquals(n, number(text, "n"));
        Matcher v = Pattern.compile("value=(\\S+)").matcher(text);
        assertTrue(v.find(), text);
        double value = Double.parseDouble(v.group(1));
        assertTrue(value > 0.3 && value < 3.5, () -> "value " + value + "\n" + text);
    }

    private static long number(String text, String key) {
        Matcher m = Pattern.compile(key + "=(\\d+)").matcher(text);
        assertTrue(m.find(), () -> key + " missing in " + text);
        return Long.parseLong(m.group(1));
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    private static double gaussian(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static Path write(Path p, double[][] a) {
        try (NpyWriter w = NpyWriter.create(p, a.length, a[0].length)) {
            for (double[] row : a) {
                w.writeRow(row);
            }
        }
        return p;
    }
}
