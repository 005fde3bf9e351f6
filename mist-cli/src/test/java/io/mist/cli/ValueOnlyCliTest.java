package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.cli.CliTest.Run;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bmi} external-estimator form: {@code --data FILE --x-columns --y-columns --value-only}. */
class ValueOnlyCliTest {
    @TempDir
    static Path dir;
    static Path csv;

    /** A bmi-style sample file: no header, the three x columns then the two y columns. */
    @BeforeAll
    static void writeData() throws IOException {
        double[][] cov = GaussianTask.componentwise(3, 0.6).covariance();
        TaskSample s = GaussianTask.of(dropLastCoordinate(cov), 3).sample(400, 5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.x().n(); i++) {
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g,%.17g%n", s.x().get(i, 0), s.x().get(i, 1),
                    s.x().get(i, 2), s.y().get(i, 0), s.y().get(i, 1)));
        }
        csv = dir.resolve("samples.csv");
        Files.writeString(csv, sb.toString());
    }

    private static double[][] dropLastCoordinate(double[][] c) {
        double[][] out = new double[c.length - 1][c.length - 1];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(c[i], 0, out[i], 0, out.length);
        }
        return out;
    }

    @Test
    void valueOnlyPrintsJustTheNumberInNatsAndNothingOnStandardError() {
        Run r = CliTest.mist("estimate", "--estimator", "gaussian", "--data", csv.toString(), "--x-columns", "0-2",
                "--y-columns", "3-4", "--value-only");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        double value = Double.parseDouble(r.out().trim());
        Run json = CliTest.mist("estimate", "--estimator", "gaussian", "--x", csv + ":0-2", "--y", csv + ":3-4",
                "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals(CliTest.jsonNumber(json.out(), "value"), value, 1e-12, "the same estimate as the FILE:COLS form");
        assertEquals("nats", json.out().replaceAll(".*\"unit\":\"([a-z]+)\".*", "$1").trim());
    }

    @Test
    void columnsOptionsAlsoApplyToTheXAndYFiles() {
        Run a = CliTest.mist("estimate", "--estimator", "gaussian", "--x", csv.toString(), "--x-columns", "0-2",
                "--y", csv.toString(), "--y-columns", "3,4", "--value-only");
        Run b = CliTest.mist("estimate", "--estimator", "gaussian", "--data", csv.toString(), "--x-columns", "0-2",
                "--y-columns", "3-4", "--value-only");
        assertEquals(0, a.code(), a.err());
        assertEquals(b.out(), a.out());
    }

    @Test
    void neuralEstimatorsStaySilentEvenWhenProgressIsAskedFor() {
        Run r = CliTest.mist("estimate", "--estimator", "nwj", "--option", "progress=true", "--option",
                "max_iterations=30", "--option", "hidden_dims=4", "--data", csv.toString(), "--x-columns", "0-2",
                "--y-columns", "3-4", "--value-only");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(Double.isFinite(Double.parseDouble(r.out().trim())), r.out());
    }

    @Test
    void badCombinationsAreOneLineErrorsNamingTheFlags() {
        String file = csv.toString();
        assertError("--data needs --y-columns", "--data", file, "--x-columns", "0-2");
        assertError("--x and --data are alternatives", "--data", file, "--x", file, "--x-columns", "0",
                "--y-columns", "1");
        assertError("missing --y", "--x", file + ":0");
        assertError("drop --x-columns or the ':COLS' part", "--x", file + ":0", "--x-columns", "1", "--y",
                file + ":2");
        assertError("--x-columns: bad column spec", "--data", file, "--x-columns", "a", "--y-columns", "1");
        assertError("drop --json", "--data", file, "--x-columns", "0", "--y-columns", "1", "--value-only", "--json");
    }

    private static void assertError(String expected, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "estimate";
        all[1] = "--estimator";
        all[2] = "gaussian";
        System.arraycopy(args, 0, all, 3, args.length);
        Run r = CliTest.mist(all);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
