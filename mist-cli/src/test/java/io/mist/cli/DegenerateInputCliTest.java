package io.mist.cli;

import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Degenerate data through {@code mist estimate}: exit code 2 and one line naming the cause, where these
 * inputs used to print a number with exit code 0 (overflow, ties without noise, a constant column of 0.1,
 * identical rows, a standard error from 5 rows).
 */
class DegenerateInputCliTest {
    private static final int N = 500;

    @TempDir
    static Path dir;

    private static void write(String name, int rows, IntFunction<String> row) throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            sb.append(row.apply(i)).append('\n');
        }
        Files.writeString(dir.resolve(name), sb.toString());
    }

    @BeforeAll
    static void writeData() throws IOException {
        TaskSample s = GaussianTask.bivariate(0.6).sample(N, 3);
        write("huge.csv", N, i -> String.format(Locale.ROOT, "%.17g,%.17g", s.x().get(i, 0) * 1e300,
                s.y().get(i, 0) * 1e160));
        write("ties.csv", N, i -> (i % 14) + "," + (i % 14));
        write("tenth.csv", N, i -> String.format(Locale.ROOT, "%.17g,0.1", s.x().get(i, 0)));
        write("same.csv", N, i -> "0.1,0.1");
        write("five.csv", 5, i -> String.format(Locale.ROOT, "%.17g,%.17g", s.x().get(i, 0), s.y().get(i, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "overflow ksg|--estimator ksg --x huge.csv:0 --y huge.csv:1|x: column 0 overflows double precision",
        "overflow gaussian|--estimator gaussian --x huge.csv:0 --y huge.csv:1|x: column 0 overflows double precision",
        "overflow gmm|--estimator gmm --x huge.csv:0 --y huge.csv:1|x: column 0 overflows double precision",
        "ties noise 0|--estimator ksg --option noise=0 --x ties.csv:0 --y ties.csv:1|use ksg-mixed",
        "constant 0.1 ksg|--estimator ksg --x tenth.csv:0 --y tenth.csv:1|y: column 0 has zero variance",
        "identical rows ksg|--estimator ksg --x same.csv:0 --y same.csv:1|x: column 0 has zero variance",
        "identical rows gmm|--estimator gmm --x same.csv:0 --y same.csv:1|x: column 0 has zero variance",
        "bootstrap n 5|--estimator ksg --option k=1 --bootstrap 10 --x five.csv:0 --y five.csv:1|needs at least 20"})
    void degenerateDataGivesExitTwoAndOneLine(String label, String argLine, String expected) {
        String[] parts = ("estimate " + argLine).split(" ");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].contains(".csv")) {
                parts[i] = dir.resolve(parts[i]).toString();
            }
        }
        CliTest.assertExitTwoWithOneLine(label, CliTest.mist(parts), expected);
    }
}
