package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.cli.CliTest.Run;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.TestProviders;
import io.mist.tasks.AccuracySuite;
import io.mist.tasks.GroundTruthTask;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mist bench accuracy} on a tiny configuration: 2 estimators, 2 tasks, n = 300, 2 seeds. */
class BenchAccuracyTest {
    private static final List<String> TASKS = List.of("gaussian-1x1-rho0.75", "independent-2x2");

    @TempDir
    Path dir;

    @Test
    void writesTableRunsAndHeatMapWithTheExactTruth() throws IOException {
        Path out = dir.resolve("acc");
        Run r = CliTest.mist("bench", "accuracy", "--estimators", "gaussian,ksg", "--tasks", String.join(",", TASKS),
                "--n", "300", "--seeds", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "no console here, so no progress bar");
        List<GroundTruthTask> tasks = AccuracySuite.select(TASKS);

        List<String> csv = Files.readAllLines(out.resolve(AccuracyReport.RUNS));
        assertEquals("estimator,task,seed,truth,estimate,seconds,status,error", csv.get(0));
        assertEquals(1 + 2 * 2 * 2, csv.size(), csv.toString());
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            GroundTruthTask t = f[1].equals(TASKS.get(0)) ? tasks.get(0) : tasks.get(1);
            assertEquals(t.name(), f[1]);
            assertEquals(t.trueMutualInformation(), Double.parseDouble(f[3]), 1e-15, line);
            assertEquals("ok", f[6], line);
            assertTrue(f[2].equals("42") || f[2].equals("43"), line);
            // n = 300: the Gaussian estimate of I = 0.41 (or 0) is within 0.15 nats, about four standard errors
            assertEquals(t.trueMutualInformation(), Double.parseDouble(f[4]), 0.15, line);
        }

        String md = Files.readString(out.resolve(AccuracyReport.TABLE));
        assertTrue(md.contains("| task | truth (nats) | estimator | estimate (mean +/- sd) | bias | seconds |"), md);
        String truth = String.format(java.util.Locale.ROOT, "| %s | %.3f | gaussian |", TASKS.get(0),
                tasks.get(0).trueMutualInformation());
        assertTrue(md.contains(truth), md);
        assertTrue(md.contains("| independent-2x2 | 0.000 | ksg |"), md);
        assertEquals(4, md.lines().filter(l -> l.startsWith("| gaussian-1x1") || l.startsWith("| independent"))
                .count(), md);
        assertTrue(r.out().contains(truth), r.out());
        assertTrue(r.out().contains("8 runs (0 failed) of 2 estimators on 2 tasks (0 estimator-task pairs skipped"),
                r.out());

        BufferedImage png = ImageIO.read(out.resolve(AccuracyReport.HEAT_MAP).toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
    }

    @Test
    void aFailingRunIsRecordedAsFailedAndTheOthersStillRun() throws IOException {
        // a test provider whose create() throws (UnsupportedOperationException, no message)
        AccuracyBench bench = new AccuracyBench(List.of(EstimatorRegistry.global().provider("gaussian"),
                new TestProviders.AlphaAgain()),
                AccuracySuite.select(TASKS), 300, 2, 7, 2);
        List<AccuracyBench.Run> runs = bench.run(r -> { });
        assertEquals(8, runs.size());
        assertEquals(4, runs.stream().filter(AccuracyBench.Run::failed).count());
        assertTrue(runs.stream().filter(AccuracyBench.Run::failed)
                .allMatch(x -> x.estimator().equals("alpha-test")));
        AccuracyReport report = new AccuracyReport(runs);
        report.write(dir, "t");
        String md = Files.readString(dir.resolve(AccuracyReport.TABLE));
        assertTrue(md.contains("| independent-2x2 | 0.000 | alpha-test | failed: UnsupportedOperationException |"), md);
        List<String> csv = Files.readAllLines(dir.resolve(AccuracyReport.RUNS));
        assertEquals(4, csv.stream().filter(l -> l.startsWith("alpha-test,")
                && l.endsWith(",failed,\"UnsupportedOperationException\""))
                .count(), csv.toString());
        assertTrue(report.cells().stream().filter(c -> c.estimator().equals("alpha-test"))
                .allMatch(c -> Double.isNaN(c.relativeError())));
        assertTrue(Files.size(dir.resolve(AccuracyReport.HEAT_MAP)) > 0);
    }

    @Test
    void discreteTaskGoesOnlyToEstimatorsThatTakeDiscreteData() {
        AccuracyBench bench = new AccuracyBench(List.of(EstimatorRegistry.global().provider("gaussian"),
                EstimatorRegistry.global().provider("discrete")), AccuracySuite.select(List.of("channel-k4-p0.7",
                        "gaussian-1x1-rho0.75")), 300, 1, 1, 1);
        List<AccuracyBench.Pair> pairs = bench.pairs();
        assertEquals(List.of("discrete on channel-k4-p0.7", "gaussian on gaussian-1x1-rho0.75"), pairs.stream()
                .map(p -> p.estimator().name() + " on " + p.task().name()).toList());
    }

    @Test
    void badArgumentsAreOneLineErrorsNamingTheFlag() {
        Run task = CliTest.mist("bench", "accuracy", "--tasks", "nope", "--out", dir.toString());
        assertEquals(2, task.code());
        assertTrue(task.err().startsWith("mist: --tasks: unknown task 'nope'; known tasks: gaussian-1x1"), task.err());
        Run n = CliTest.mist("bench", "accuracy", "--n", "3", "--out", dir.toString());
        assertEquals(2, n.code());
        assertTrue(n.err().contains("--n must be at least 10, got 3"), n.err());
        Run est = CliTest.mist("bench", "accuracy", "--estimators", "nope", "--out", dir.toString());
        assertEquals(2, est.code());
        assertFalse(Files.exists(dir.resolve(AccuracyReport.TABLE)));
    }

    @Test
    void benchAloneShowsItsSubcommands() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"bench"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertTrue(out.toString().contains("accuracy"), out.toString());
    }
}
