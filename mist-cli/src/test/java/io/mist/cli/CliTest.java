package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Units;
import io.mist.estimators.nonparametric.GaussianEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.train.data.NpyWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    @TempDir
    static Path dir;
    static Path csv;
    static Path npy;
    static TaskSample sample;

    /** Result of one in-process run. */
    record Run(int code, String out, String err) {
    }

    static Run mist(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeData() throws IOException {
        sample = GaussianTask.componentwise(2, 0.6).sample(500, 3);
        StringBuilder sb = new StringBuilder("x0,x1,y0,y1\n");
        for (int i = 0; i < 500; i++) {
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", sample.x().get(i, 0),
                    sample.x().get(i, 1), sample.y().get(i, 0), sample.y().get(i, 1)));
        }
        csv = dir.resolve("data.csv");
        Files.writeString(csv, sb.toString());
        npy = dir.resolve("data.npy");
        writeNpy(npy, sample);
    }

    static void writeNpy(Path file, TaskSample s) {
        try (NpyWriter w = NpyWriter.create(file, s.x().n(), 4)) {
            for (int i = 0; i < s.x().n(); i++) {
                w.writeRow(s.x().get(i, 0), s.x().get(i, 1), s.y().get(i, 0), s.y().get(i, 1));
            }
        }
    }

    static double jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+|null)").matcher(json);
        assertTrue(m.find(), () -> key + " missing in " + json);
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    @Test
    void estimateJsonHasTheContractFields() {
        Run r = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0-1", "--y", csv + ":2,3", "--json");
        assertEquals(0, r.code(), r.err());
        for (String key : new String[] {"estimator", "value", "std_error", "p_value", "unit", "n", "dx", "dy",
            "seconds", "seed"}) {
            assertTrue(r.out().contains("\"" + key + "\":"), () -> key + " missing: " + r.out());
        }
        double expected = new GaussianEstimator(42).estimate(sample.x(), sample.y()).value();
        assertEquals(expected, jsonNumber(r.out(), "value"), 1e-12);
        assertEquals(500, jsonNumber(r.out(), "n"));
        assertEquals(2, jsonNumber(r.out(), "dx"));
        assertTrue(r.out().contains("\"unit\":\"nats\""));
        assertTrue(r.out().trim().startsWith("{") && r.out().trim().endsWith("}"));
        assertEquals(1, r.out().trim().split("\n").length);
    }

    /**
     * Only the selected columns are parsed: a text label column and a column with missing values can sit
     * beside the data, and a spec like {@code 1,3} or {@code 4-5} picks the numeric ones.
     */
    @Test
    void onlySelectedColumnsAreParsed() throws IOException {
        StringBuilder sb = new StringBuilder("label,x0,note,x1,y0,y1\n");
        for (int i = 0; i < 500; i++) {
            sb.append(String.format(Locale.ROOT, "row%d,%.17g,%s,%.17g,%.17g,%.17g%n", i, sample.x().get(i, 0),
                    i % 7 == 0 ? "NaN" : "", sample.x().get(i, 1), sample.y().get(i, 0), sample.y().get(i, 1)));
        }
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, sb.toString());
        Run r = mist("estimate", "--estimator", "gaussian", "--x", mixed + ":1,3", "--y", mixed + ":4-5", "--json");
        assertEquals(0, r.code(), r.err());
        double expected = new GaussianEstimator(42).estimate(sample.x(), sample.y()).value();
        assertEquals(expected, jsonNumber(r.out(), "value"), 1e-12);
        Run bad = mist("estimate", "--estimator", "gaussian", "--x", mixed + ":1-2", "--y", mixed + ":4");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("line 2, column 2"), bad.err());
        Run npyPart = mist("estimate", "--estimator", "gaussian", "--x", npy + ":0,1", "--y", npy + ":3", "--json");
        Run csvPart = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0-1", "--y", csv + ":3", "--json");
        assertEquals(0, npyPart.code(), npyPart.err());
        assertEquals(jsonNumber(csvPart.out(), "value"), jsonNumber(npyPart.out(), "value"), 1e-12);
    }

    @Test
    void npyAndCsvGiveTheSameValueAndBitsConvert() {
        Run a = mist("estimate", "--estimator", "gaussian", "--x", npy + ":0-1", "--y", npy + ":2-3", "--json");
        Run b = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0-1", "--y", csv + ":2-3", "--json",
                "--bits");
        assertEquals(0, a.code(), a.err());
        assertEquals(jsonNumber(a.out(), "value") / Units.LN2, jsonNumber(b.out(), "value"), 1e-12);
        assertTrue(b.out().contains("\"unit\":\"bits\""));
    }

    @Test
    void bootstrapAndPermutationsFillErrorAndPValue() {
        Run r = mist("estimate", "--estimator", "discrete", "--x", csv + ":0", "--y", csv + ":0", "--json");
        assertEquals(2, r.code(), "non-integer data for 'discrete' is a user error");
        Run g = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0", "--y", csv + ":2", "--bootstrap",
                "20", "--permutations", "19", "--json", "--seed", "5");
        assertEquals(0, g.code(), g.err());
        double se = jsonNumber(g.out(), "std_error");
        // bivariate rho 0.6 at n 500: asymptotic se 0.6 / sqrt(500) = 0.027; 20 replicates scatter ~ +-35%
        assertTrue(se > 0.012 && se < 0.05, () -> "se " + se);
        assertEquals(1.0 / 20, jsonNumber(g.out(), "p_value"), 1e-12);
        assertTrue(g.out().contains("\"uncertainty_scheme\":\"bootstrap\""));
        assertEquals(5, jsonNumber(g.out(), "seed"));
    }

    @Test
    void conditionalWithZ() {
        Run r = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0", "--y", csv + ":2", "--z", csv + ":1",
                "--json");
        assertEquals(0, r.code(), r.err());
        Run bad = mist("estimate", "--estimator", "discrete", "--x", csv + ":0", "--y", csv + ":2", "--z",
                csv + ":1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("does not estimate conditional MI"), bad.err());
    }

    @Test
    void gmmWithPlotWritesAPngAndBootstrapMapsToItsOwnRefits() throws IOException {
        Path png = dir.resolve("gmm.png");
        Run r = mist("estimate", "--estimator", "gmm", "--option", "max_components=2", "--option",
                "mc_samples=5000", "--bootstrap", "4", "--x", csv + ":0", "--y", csv + ":2", "--plot", png.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000, "png written");
        double se = jsonNumber(r.out(), "std_error");
        // rho 0.6, n 500: sampling error about 0.6 / sqrt(500) = 0.027; the standard deviation of 4 refits is
        // 0.027 sqrt(chi2_3 / 3), inside (0.09, 2.33) x 0.027 with probability 0.998
        assertTrue(se > 0.0024 && se < 0.063, () -> "gmm's own bootstrap error " + se);
        assertTrue(r.out().contains("over 4 bootstrap refits"), () -> "--bootstrap 4 became n_bootstrap: " + r.out());
        assertFalse(r.out().contains("replicates"), () -> "no generic wrapper around gmm's bootstrap: " + r.out());
        Path svg = dir.resolve("gmm.svg");
        Run human = mist("estimate", "--estimator", "gmm", "--option", "max_components=2", "--option",
                "mc_samples=5000", "--option", "n_bootstrap=0", "--x", csv + ":0", "--y", csv + ":2", "--plot",
                svg.toString());
        assertEquals(0, human.code(), human.err());
        assertTrue(human.out().contains("plot        " + svg), human.out());
        assertTrue(Files.readString(svg).contains("<svg") && Files.readString(dir.resolve("gmm-density.svg"))
                .contains("<svg"), "ellipses and density contours written as SVG");
        Run bad = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0", "--y", csv + ":2", "--plot",
                png.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--plot is only available with --estimator gmm"), bad.err());
    }

    @Test
    void entropyOfAStandardNormalColumn() {
        Run r = mist("entropy", "--x", csv + ":0", "--json");
        assertEquals(0, r.code(), r.err());
        // H = 0.5 log(2 pi e) = 1.4189 nats; Kozachenko-Leonenko at n 500 has sd about 0.05
        assertEquals(0.5 * Math.log(2 * Math.PI * Math.E), jsonNumber(r.out(), "value"), 0.2);
        assertEquals(1, jsonNumber(r.out(), "dim"));
        Run bad = mist("entropy", "--estimator", "nope", "--x", csv + ":0");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().trim().split("\n").length, bad.err());
        Run list = mist("list");
        assertTrue(list.out().contains("entropy-kl"), list.out());
    }

    @Test
    void humanOutputNamesTheUnit() {
        Run r = mist("estimate", "--estimator", "gaussian", "--x", csv + ":0", "--y", csv + ":2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("nats"), r.out());
        assertTrue(r.out().contains("n=500"), r.out());
    }

    @Test
    void listShowsEstimatorsAndOptions() {
        Run r = mist("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("gaussian"));
        assertTrue(r.out().contains("--option miller_madow=true"));
        // every line naming an estimator carries a description, entropy estimators included
        assertTrue(r.out().lines().filter(l -> !l.startsWith(" ") && !l.isBlank() && !l.endsWith(":"))
                .allMatch(l -> l.trim().split("\\s+").length >= 3), r.out());
    }

    @Test
    void demoRunsTheRegisteredEstimators() {
        Run r = mist("demo", "--n", "300", "--estimators", "gaussian,discrete,ksg");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gaussian-1x1-rho0.6"), r.out());
        assertTrue(r.out().contains("channel-k4-p0.7"), r.out());
        assertFalse(r.out().contains("failed"), r.out());
        // every row carries an error bar: gaussian's analytic one, resampling for discrete and ksg
        List<String> rows = r.out().lines().filter(l -> l.matches("^[a-z].*\\s(gaussian|discrete|ksg)\\s.*"))
                .filter(l -> !l.startsWith("mist demo")).toList();
        assertTrue(rows.size() >= 10, r.out());
        for (String row : rows) {
            String[] f = row.trim().split("\\s+");
            double se = Double.parseDouble(f[4]);
            assertTrue(se > 0 && se < 0.5, row);
            assertTrue(List.of("analytic", "bootstrap", "subsampling").contains(f[5]), row);
        }
        assertTrue(rows.stream().anyMatch(l -> l.contains(" ksg ") && l.contains("subsampling")), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing file|estimate --estimator gaussian --x MISSING.csv --y DATA:2|file not found",
        "directory|estimate --estimator gaussian --x DIR --y DATA:2|is a directory",
        "bad column spec|estimate --estimator gaussian --x DATA:0-x --y DATA:2|bad column spec",
        "column out of range|estimate --estimator gaussian --x DATA:9 --y DATA:2|column 9 does not exist",
        "nan in data|estimate --estimator gaussian --x NAN:0 --y NAN:1|NaN",
        "unknown estimator|estimate --estimator nope --x DATA:0 --y DATA:2|valid names: ",
        "unknown option|estimate --estimator discrete --option foo=1 --x DATA:0 --y DATA:2|valid options: miller_madow",
        "ill-typed option|estimate --estimator discrete --option miller_madow=maybe --x DATA:0 --y DATA:2|expects true or false",
        "mismatched rows|estimate --estimator gaussian --x DATA:0 --y SHORT:0|same number of samples",
        "missing --y|estimate --estimator gaussian --x DATA:0|missing --y: give --y FILE[:COLS], or --data FILE",
        "bad bootstrap|estimate --estimator gaussian --x DATA:0 --y DATA:2 --bootstrap -3|bootstrap must be at least 0",
        "text in data|estimate --estimator gaussian --x TEXT:0 --y TEXT:1|is not a number",
        "unknown subcommand|frobnicate|Unmatched argument"})
    void badInputGivesExitTwoAndOneLine(String label, String argLine, String expected) throws IOException {
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "a,b\n1,2\n3,NaN\n5,6\n");
        Path shortFile = dir.resolve("short.csv");
        Files.writeString(shortFile, "1\n2\n3\n");
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "1,2\n3,abc\n5,6\n");
        String[] args = argLine.replace("MISSING", dir.resolve("missing").toString()).replace("DATA", csv.toString())
                .replace("NAN", nan.toString()).replace("SHORT", shortFile.toString())
                .replace("TEXT", text.toString()).replace("DIR", dir.toString()).split(" ");
        assertExitTwoWithOneLine(label, mist(args), expected);
    }

    /** Exit code 2 and one line on stderr containing {@code expected}, no stack trace. */
    static void assertExitTwoWithOneLine(String label, Run r, String expected) {
        assertEquals(2, r.code(), () -> label + ": " + r.out() + r.err());
        assertTrue(r.err().contains(expected), () -> label + ": " + r.err());
        assertEquals(1, r.err().trim().split("\n").length, () -> label + " printed more than one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), () -> label + ": " + r.err());
    }

    @Test
    void streamTrainsFromNpyAndCsvAndGivesTheInMemoryValue() {
        String[] common = {"--estimator", "smile", "--option", "max_iterations=60", "--option", "device=cpu",
            "--seed", "2", "--json"};
        Run mem = mist(concat(new String[] {"estimate", "--x", npy + ":0-1", "--y", npy + ":2-3"}, common));
        Run fromNpy = mist(concat(new String[] {"estimate", "--stream", "--x", npy + ":0-1", "--y", npy + ":2-3"},
                common));
        Run fromCsv = mist(concat(new String[] {"estimate", "--stream", "--x", csv + ":0,1", "--y", csv + ":2-3"},
                common));
        assertEquals(0, mem.code(), mem.err());
        assertEquals(0, fromNpy.code(), fromNpy.err());
        assertEquals(0, fromCsv.code(), fromCsv.err());
        // the same batches in the same order: equal up to float summation order in native kernels
        assertEquals(jsonNumber(mem.out(), "value"), jsonNumber(fromNpy.out(), "value"), 1e-4);
        assertEquals(jsonNumber(mem.out(), "value"), jsonNumber(fromCsv.out(), "value"), 1e-4);
        assertEquals(500, jsonNumber(fromCsv.out(), "n"));
        assertEquals(2, jsonNumber(fromCsv.out(), "dy"));
    }

    @Test
    void streamRefusesWhatItCannotDoInOneLine() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.copy(csv, other, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run ksg = mist("estimate", "--stream", "--estimator", "ksg", "--x", npy + ":0", "--y", npy + ":1");
        assertEquals(2, ksg.code());
        assertTrue(ksg.err().contains("'ksg' needs all data in memory"), ksg.err());
        Run two = mist("estimate", "--stream", "--x", csv + ":0", "--y", other + ":1");
        assertEquals(2, two.code());
        assertTrue(two.err().contains("one CSV file"), two.err());
        Run mixed = mist("estimate", "--stream", "--x", csv + ":0", "--y", npy + ":1");
        assertTrue(mixed.err().contains("one format"), mixed.err());
        Run boot = mist("estimate", "--stream", "--bootstrap", "5", "--x", npy + ":0", "--y", npy + ":1");
        assertTrue(boot.err().contains("--bootstrap and --permutations"), boot.err());
    }

    @Test
    void aStringTypedNpySaysWhichDtypeAndWhatIsSupported() throws IOException {
        String dict = "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        b.write(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.write(new byte[24]);
        Path s = dir.resolve("strings.npy");
        Files.write(s, b.toByteArray());
        Run r = mist("estimate", "--estimator", "gaussian", "--x", s.toString(), "--y", npy + ":1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--x: ") && r.err().contains("dtype '<U3' (Unicode strings)")
                && r.err().contains("supported: float64"), r.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void helpExitsZeroAndThreadsZeroMeansAllCores() {
        Run help = mist("help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("estimate"), help.out());
        Run zero = mist("estimate", "--estimator", "ksg", "--threads", "0", "--bootstrap", "2", "--x", csv + ":0",
                "--y", csv + ":2", "--json");
        assertEquals(0, zero.code(), zero.err());
        Run optionZero = mist("estimate", "--estimator", "ksg", "--option", "threads=0", "--x", csv + ":0", "--y",
                csv + ":2", "--json");
        assertEquals(0, optionZero.code(), optionZero.err());
        Run negative = mist("estimate", "--estimator", "ksg", "--threads", "-1", "--x", csv + ":0", "--y",
                csv + ":2");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("--threads must be 0 (all cores) or a positive"), negative.err());
    }

    @Test
    void optionsPageMatchesTheOptionDescriptions() throws IOException {
        Run r = mist("list", "--markdown");
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(Path.of("..", "docs", "options.md"));
        assertEquals(page, r.out(), "docs/options.md is stale: regenerate it with "
                + "'java -jar mist-cli/target/mist.jar list --markdown > docs/options.md'");
        assertTrue(page.contains("| `batch_size` | int | `128` |"), "typed names and defaults in the table");
    }

    @Test
    void gmmKlIsItsOwnResultNotAnMiEstimate() {
        Run r = mist("estimate", "--estimator", "gmm", "--option", "kl=forward", "--option", "max_components=2",
                "--option", "mc_samples=5000", "--option", "n_bootstrap=3", "--x", csv + ":0", "--y", csv + ":2",
                "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"quantity\":\"kl_forward\""), r.out());
        assertTrue(jsonNumber(r.out(), "value") >= -0.01, r.out());
        Run permuted = mist("estimate", "--estimator", "gmm", "--option", "kl=forward", "--permutations", "5",
                "--x", csv + ":0", "--y", csv + ":2");
        assertEquals(2, permuted.code());
        assertTrue(permuted.err().contains("--permutations"), permuted.err());
    }

    @Test
    void progressFirstFrameNeverShowsNaN() {
        StringWriter err = new StringWriter();
        TrainingProgress p = new TrainingProgress(new ProgressBar(new PrintWriter(err), true));
        p.onStart("smile", 100, 90, 10);
        assertFalse(err.toString().contains("NaN"), err.toString());
        p.onStep(1, 0.5, 0.2);
        p.onEvaluation(10, 0.19, 0.19);
        assertTrue(p.label().contains("best 0.190"), p.label());
        p.onFinish(100, 1000, "iteration limit");
        assertFalse(err.toString().contains("NaN"), err.toString());
        assertTrue(err.toString().contains("smile: 100 iterations, iteration limit"), err.toString());
    }

    @Test
    void progressOptionDrawsTheCliBarForEstimatorsThatTrain() {
        Run r = mist("estimate", "--estimator", "nwj", "--option", "progress=true", "--option", "max_iterations=30",
                "--option", "hidden_dims=4", "--x", csv + ":0", "--y", csv + ":2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("nwj: 30 iterations"), r.err());
        Run quiet = mist("estimate", "--estimator", "nwj", "--option", "max_iterations=30", "--option",
                "hidden_dims=4", "--x", csv + ":0", "--y", csv + ":2");
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse(quiet.err().contains("iterations"), "no console here, no bar: " + quiet.err());
    }
}
