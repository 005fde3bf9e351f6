package io.mist.cli;

import static io.mist.cli.CliTest.mist;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.cli.CliTest.Run;
import io.mist.core.MIEstimate;
import io.mist.train.data.NpyWriter;
import io.mist.uncertainty.Significance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mist matrix} on a synthetic table with known structure: {@code i1, i2} independent of everything;
 * a Gaussian chain {@code c1 -> c2 -> c3} ({@code c2 = c1 + 0.5 e}, {@code c3 = c2 + 0.5 e'}: I(c1;c2) =
 * 0.5 log 5 = 0.80, I(c2;c3) = 0.5 log 6 = 0.90, I(c1;c3) = 0.5 log 3 = 0.55 nats); a nonlinear pair
 * {@code v = u^2 + 0.05 e} with u uniform on [-1, 1] (uncorrelated, strongly dependent); a text column
 * {@code label}.
 */
class MatrixCommandTest {
    private static final int N = 300;
    private static final String[] NUMERIC = {"i1", "i2", "c1", "c2", "c3", "u", "v"};

    @TempDir
    static Path dir;
    static Path table;
    static Map<String, double[]> columns = new HashMap<>();

    @BeforeAll
    static void writeTable() throws IOException {
        Random r = new Random(11);
        for (String c : NUMERIC) {
            columns.put(c, new double[N]);
        }
        StringBuilder sb = new StringBuilder("i1,label,i2,c1,c2,c3,u,v\n");
        for (int i = 0; i < N; i++) {
            double c1 = r.nextGaussian();
            double c2 = c1 + 0.5 * r.nextGaussian();
            double c3 = c2 + 0.5 * r.nextGaussian();
            double u = 2 * r.nextDouble() - 1;
            double[] row = {r.nextGaussian(), r.nextGaussian(), c1, c2, c3, u, u * u + 0.05 * r.nextGaussian()};
            for (int j = 0; j < row.length; j++) {
                columns.get(NUMERIC[j])[i] = row[j];
            }
            sb.append(row[0]).append(",item").append(i % 3);
            for (int j = 1; j < row.length; j++) {
                sb.append(',').append(row[j]);
            }
            sb.append('\n');
        }
        table = dir.resolve("table.csv");
        Files.writeString(table, sb.toString());
    }

    /** The output rows as cells, header checked. */
    static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(MatrixCommand.HEADER, lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void everyEntryIsEstimateMiOnItsTwoColumnsAndShowsTheStructure() throws IOException {
        Path out = dir.resolve("all.csv");
        Path png = dir.resolve("all.png");
        Run run = mist("matrix", "--data", table.toString(), "--estimator", "ksg", "--threads", "2", "--out",
                out.toString(), "--plot", png.toString(), "--cluster");
        assertEquals(0, run.code(), run.err());
        List<String[]> rows = rows(out);
        assertEquals(21, rows.size(), "every pair of the 7 numeric columns; label is skipped");
        Map<String, Double> mi = new HashMap<>();
        for (String[] row : rows) {
            MIEstimate expected = EstimateMI.estimate(columns.get(row[0]), columns.get(row[1]), "ksg");
            assertEquals(expected.value(), Double.parseDouble(row[3]), 0.0, row[0] + "," + row[1]);
            assertEquals("ksg", row[2]);
            assertEquals("" + N, row[6]);
            assertEquals("0", row[7]);
            mi.put(row[0] + "," + row[1], expected.value());
        }
        // KSG's spread under independence at n = 300 is about 0.045 nats (the 17 independent pairs here): 0.2 is
        // over 4 of them; the weakest dependence is I(c1;c3) = 0.55 nats
        mi.forEach((pair, v) -> {
            boolean dependent = List.of("c1,c2", "c1,c3", "c2,c3", "u,v").contains(pair);
            assertTrue(dependent ? v > 0.4 : Math.abs(v) < 0.2, pair + " " + v + " in " + mi);
        });
        // data processing along the chain (population gap 0.25 nats against a spread of about 0.05)
        assertTrue(mi.get("c1,c3") < mi.get("c1,c2") && mi.get("c1,c3") < mi.get("c2,c3"), mi.toString());
        byte[] b = Files.readAllBytes(png);
        assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G');
    }

    /**
     * Against the target c2 with 99 permutations: the chain neighbours reach the smallest p-value 1/100; the
     * three independent columns are not significant at 1% (p above 1/100; each would be with probability 0.01).
     */
    @Test
    void targetModeWithPermutationsSeparatesTheKnownZeros() throws IOException {
        Path out = dir.resolve("target.csv");
        Run run = mist("matrix", "--data", table.toString(), "--columns", "i1,i2,c1,c3,u", "--target", "c2",
                "--estimator", "ksg", "--permutations", "99", "--seed", "7", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        List<String[]> rows = rows(out);
        assertEquals(5, rows.size());
        for (String[] row : rows) {
            assertEquals("c2", row[1]);
            double p = Double.parseDouble(row[5]);
            MIEstimate expected = EstimateMI.with("ksg").seed(7).permutations(99)
                    .estimate(columns.get(row[0]), columns.get("c2"));
            assertEquals(expected.pValue(), p, 0.0);
            assertTrue(row[0].startsWith("c") ? p == 0.01 : p > 0.01, row[0] + " p=" + p);
        }
        // q_value: the Benjamini-Hochberg adjustment of the five p-values (Significance, tested in mist-core)
        double[] q = Significance.benjaminiHochberg(
                rows.stream().mapToDouble(r -> Double.parseDouble(r[5])).toArray());
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(q[k], Double.parseDouble(rows.get(k)[8]), 0.0, rows.get(k)[0]);
        }
        // the chain neighbours c1, c3 (p = 1/100, two of five) have q = 0.01 * 5 / 2 = 0.025
        assertEquals(0.025, Double.parseDouble(rows.get(2)[8]), 1e-12);
    }

    /**
     * A 2-D .npy array: columns c0, c1, ... (or --names), NaN cells missing as in CSV; each entry the library on
     * the two columns, the same as from the CSV table; no q_value without p-values.
     */
    @Test
    void npyInputIsATableWithColumnsC0C1OrNamed() throws IOException {
        Path npy = dir.resolve("table.npy");
        String[] cols = {"c1", "c2", "u", "v"};
        try (NpyWriter w = NpyWriter.create(npy, N, cols.length)) {
            for (int i = 0; i < N; i++) {
                double[] row = new double[cols.length];
                for (int j = 0; j < cols.length; j++) {
                    row[j] = columns.get(cols[j])[i];
                }
                if (i == 5) {
                    row[1] = Double.NaN;
                }
                w.writeRow(row);
            }
        }
        Path out = dir.resolve("npy.csv");
        Run run = mist("matrix", "--data", npy.toString(), "--estimator", "ksg", "--target", "c1", "--out",
                out.toString());
        assertEquals(0, run.code(), run.err());
        List<String[]> rows = rows(out);
        assertEquals(List.of("c0,c1", "c2,c1", "c3,c1"), rows.stream().map(r -> r[0] + "," + r[1]).toList());
        double[] x = columns.get("c1");
        double[] y = columns.get("c2");
        double[] keptX = IntStream.range(0, N).filter(i -> i != 5).mapToDouble(i -> x[i]).toArray();
        double[] keptY = IntStream.range(0, N).filter(i -> i != 5).mapToDouble(i -> y[i]).toArray();
        assertEquals(EstimateMI.estimate(keptX, keptY, "ksg").value(), Double.parseDouble(rows.get(0)[3]), 0.0);
        assertEquals("1", rows.get(0)[7]);
        assertEquals("", rows.get(0)[8]);
        double[] u = columns.get("u");
        double[] keptU = IntStream.range(0, N).filter(i -> i != 5).mapToDouble(i -> u[i]).toArray();
        assertEquals(EstimateMI.estimate(keptU, keptY, "ksg").value(), Double.parseDouble(rows.get(1)[3]), 0.0);

        Path named = dir.resolve("npy-named.csv");
        run = mist("matrix", "--data", npy.toString(), "--names", "a,b,uu,vv", "--columns", "uu,vv", "--estimator",
                "ksg", "--out", named.toString());
        assertEquals(0, run.code(), run.err());
        String[] row = rows(named).get(0);
        assertEquals("uu,vv", row[0] + "," + row[1]);
        assertEquals(EstimateMI.estimate(columns.get("u"), columns.get("v"), "ksg").value(),
                Double.parseDouble(row[3]), 0.0);

        Run bad = mist("matrix", "--data", npy.toString(), "--names", "a,b", "--out", named.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--names: give 4 distinct names, one per column of table.npy"), bad.err());
        Run csv = mist("matrix", "--data", table.toString(), "--names", "a,b", "--out", named.toString());
        assertEquals(2, csv.code());
        assertTrue(csv.err().contains("--names names the columns of a .npy file"), csv.err());
    }

    @Test
    void theSameSeedGivesTheSameMatrixWhateverTheThreadCount() throws IOException {
        Path one = dir.resolve("t1.csv");
        Path three = dir.resolve("t3.csv");
        for (String[] t : new String[][] {{"1", one.toString()}, {"3", three.toString()}}) {
            Run run = mist("matrix", "--data", table.toString(), "--columns", "i1,c1,c2,u", "--estimator", "ksg",
                    "--permutations", "9", "--seed", "5", "--threads", t[0], "--out", t[1]);
            assertEquals(0, run.code(), run.err());
        }
        assertEquals(Files.readString(one), Files.readString(three));
        assertEquals(6, rows(one).size());
    }

    @Test
    void rowsWithAMissingCellAreDroppedPerPairAndCounted() throws IOException {
        double[][] v = new double[3][N];
        StringBuilder sb = new StringBuilder("a,b,c\n");
        IntPredicate aMissing = i -> i == 3 || i == 7;
        IntPredicate bMissing = i -> i == 7 || i == 10;
        IntPredicate cMissing = i -> i == 20;
        for (int i = 0; i < N; i++) {
            v[0][i] = columns.get("c1")[i];
            v[1][i] = columns.get("c2")[i];
            v[2][i] = columns.get("u")[i];
            sb.append(aMissing.test(i) ? "" : v[0][i]).append(',').append(bMissing.test(i) ? i == 7 ? "NA" : "nan"
                    : v[1][i]).append(',').append(cMissing.test(i) ? " " : v[2][i]).append('\n');
        }
        Path blanks = dir.resolve("blanks.csv");
        Files.writeString(blanks, sb.toString());
        Path out = dir.resolve("blanks-mi.csv");
        Run run = mist("matrix", "--data", blanks.toString(), "--estimator", "ksg", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        List<String[]> rows = rows(out);
        IntPredicate[] missing = {aMissing, bMissing, cMissing};
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int k = 0; k < 3; k++) {
            int a = pairs[k][0];
            int b = pairs[k][1];
            IntPredicate dropped = missing[a].or(missing[b]);
            double[] x = IntStream.range(0, N).filter(dropped.negate()).mapToDouble(i -> v[a][i])
                    .toArray();
            double[] y = IntStream.range(0, N).filter(dropped.negate()).mapToDouble(i -> v[b][i])
                    .toArray();
            assertArrayEquals(new String[] {"abc".substring(a, a + 1), "abc".substring(b, b + 1)},
                    new String[] {rows.get(k)[0], rows.get(k)[1]});
            assertEquals(EstimateMI.estimate(x, y, "ksg").value(), Double.parseDouble(rows.get(k)[3]), 0.0);
            assertEquals("" + x.length, rows.get(k)[6]);
            assertEquals("3", rows.get(k)[7]);
        }
    }

    @Test
    void badColumnsEstimatorsAndOptionsFailWithOneLineBeforeAnyWork() {
        Path out = dir.resolve("never.csv");
        String[][] cases = {
            {"--columns", "i1,zz", "--columns: unknown column 'zz'; columns in table.csv: i1, label, i2, c1, c2, c3, u, v"},
            {"--target", "zz", "--target: unknown column 'zz'"},
            {"--columns", "label,c1", "--columns: column 'label' is not numeric (it holds 'item0'); drop it from --columns"},
            {"--estimator", "nope", "unknown estimator 'nope'"},
            {"--option", "nope=1", "nope"},
            {"--threads", "-1", "--threads must be 0 (all cores) or a positive number of threads, got -1"},
        };
        for (String[] c : cases) {
            String estimator = c[0].equals("--estimator") ? "--seed" : "--estimator";
            String name = c[0].equals("--estimator") ? "1" : "ksg";
            Run run = mist("matrix", "--data", table.toString(), estimator, name, c[0], c[1], "--out", out.toString());
            assertEquals(2, run.code(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("mist: ") && run.err().contains(c[2]), run.err());
            assertFalse(Files.exists(out), "no output after a bad " + c[0]);
        }
        Run cluster = mist("matrix", "--data", table.toString(), "--cluster", "--out", out.toString());
        assertEquals(2, cluster.code());
        assertEquals("mist: --cluster orders the heat map; give --plot FILE.png too, or drop --cluster",
                cluster.err().strip());
        assertFalse(Files.exists(out));
    }
}
