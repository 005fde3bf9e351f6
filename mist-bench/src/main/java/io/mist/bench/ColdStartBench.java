package io.mist.bench;

import io.mist.core.Samples;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user of the command line sees: {@code mist estimate --json} started in a fresh JVM per call, on
 * the three cold-start cases of the speed goals (KSG 1+1-D at n = 1e6, KSG 5+5-D at n = 1e5, both
 * componentwise Gaussian rho 0.6 with data seed 1 as in {@link KsgBench}; GMM-MI's README setup, n = 200,
 * rho 0.6, data seed 20261123, estimator seed 42, as in {@link GmmBench}) and the neural speed goal (smile at
 * its defaults on 5+5-D componentwise Gaussian rho 0.6, n = 10,000, data seed 1, 3,000 iterations without
 * early stopping, {@code folds=1}; its summary row adds the iterations per second end to end, 3,000 over the
 * reported seconds). Each launcher is a command line
 * that starts the CLI (for example the repository's {@code mist} script, or {@code java -jar} of an older
 * build); the runs are interleaved (repeat, case, launcher) so that every launcher sees the same load.
 * Prints every run (the {@code seconds} the CLI reports, the wall time of the whole process, the load
 * average) and per case and launcher the median and minimum of both.
 *
 * <p>Run: {@code java -cp ... io.mist.bench.ColdStartBench [reps] [label=command ...]}; the default
 * launcher is {@code mist=./mist}, run from the repository root. {@code -Dcases=ksg-1+1,gmm} keeps the cases
 * whose names start with one of the given prefixes ({@code MIST_BENCH_JAVA_OPTS=-Dcases=... mist-bench/run
 * cold}).
 */
public final class ColdStartBench {
    private static final Pattern SECONDS = Pattern.compile("\"seconds\":([0-9.Ee+-]+)");

    private ColdStartBench() {
    }

    /**
     * One case: its name, estimator, data files, extra CLI options ({@code --option} values) and the training
     * iterations they fix (0: not a neural case).
     */
    private record Case(String name, String estimator, Path x, Path y, List<String> options, int iterations) {
    }

    /** The neural case's training iterations. */
    private static final int NEURAL_ITERATIONS = 3000;

    /** Prints every run, then the summary table. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, List<String>> launchers = new LinkedHashMap<>();
        for (int a = 1; a < args.length; a++) {
            int eq = args[a].indexOf('=');
            launchers.put(args[a].substring(0, eq), List.of(args[a].substring(eq + 1).trim().split("\\s+")));
        }
        if (launchers.isEmpty()) {
            launchers.put("mist", List.of("./mist"));
        }
        Path dir = Files.createTempDirectory("mist-cold");
        List<Case> cases = List.of(write(dir, "ksg-1+1-n1e6", "ksg", GaussianTask.bivariate(0.6).sample(1_000_000, 1)),
                write(dir, "ksg-5+5-n1e5", "ksg", GaussianTask.componentwise(5, 0.6).sample(100_000, 1)),
                write(dir, "gmm-readme-n200", "gmm", GaussianTask.bivariate(0.6).sample(200, 20261123L)),
                neural(write(dir, "smile-5+5-n1e4-3000it", "smile",
                        GaussianTask.componentwise(5, 0.6).sample(10_000, 1))));
        String only = System.getProperty("cases", "");
        if (!only.isEmpty()) {
            List<String> wanted = List.of(only.split(","));
            cases = cases.stream().filter(c -> wanted.stream().anyMatch(w -> c.name().startsWith(w))).toList();
        }
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        System.out.println("| repeat | case | launcher | seconds (reported) | wall seconds (process) | load |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int r = 1; r <= reps; r++) {
            for (Case c : cases) {
                for (Map.Entry<String, List<String>> l : launchers.entrySet()) {
                    double[] t = once(l.getValue(), c);
                    runs.computeIfAbsent(c.name() + " | " + l.getKey(), k -> new ArrayList<>()).add(t);
                    System.out.printf(Locale.ROOT, "| %d | %s | %s | %.3f | %.3f | %.2f |%n", r, c.name(), l.getKey(),
                            t[0], t[1], load());
                }
            }
        }
        System.out.println();
        System.out.println("| case | launcher | runs | seconds median | seconds min | wall median | wall min "
                + "| it/s (median seconds) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Map<String, Integer> iterations = new LinkedHashMap<>();
        for (Case c : cases) {
            iterations.put(c.name(), c.iterations());
        }
        for (Map.Entry<String, List<double[]>> e : runs.entrySet()) {
            double[] s = e.getValue().stream().mapToDouble(t -> t[0]).sorted().toArray();
            double[] w = e.getValue().stream().mapToDouble(t -> t[1]).sorted().toArray();
            int its = iterations.get(e.getKey().substring(0, e.getKey().indexOf(" | ")));
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %s |%n", e.getKey(), s.length,
                    median(s), s[0], median(w), w[0], its > 0 ? String.format(Locale.ROOT, "%.0f", its / median(s))
                    : "-");
        }
    }

    /** One fresh-JVM call: {reported seconds, wall seconds}. */
    private static double[] once(List<String> launcher, Case c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of("estimate", "--estimator", c.estimator(), "--x", c.x().toString(), "--y",
                c.y().toString(), "--json"));
        for (String o : c.options()) {
            cmd.addAll(List.of("--option", o));
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) * 1e-9;
        Matcher m = SECONDS.matcher(out);
        if (code != 0 || !m.find()) {
            throw new IllegalStateException("'" + String.join(" ", cmd) + "' exited " + code + ": " + out);
        }
        return new double[] {Double.parseDouble(m.group(1)), wall};
    }

    private static Case write(Path dir, String name, String estimator, TaskSample s) throws IOException {
        Path x = dir.resolve(name + "-x.npy");
        Path y = dir.resolve(name + "-y.npy");
        writeNpy(x, s.x());
        writeNpy(y, s.y());
        return new Case(name, estimator, x, y, List.of(), 0);
    }

    /** {@code c} with the neural goal's options: 3,000 iterations, no early stopping, one fold. */
    private static Case neural(Case c) {
        return new Case(c.name(), c.estimator(), c.x(), c.y(), List.of("max_iterations=" + NEURAL_ITERATIONS,
                "early_stopping=false", "folds=1"), NEURAL_ITERATIONS);
    }

    /** A little-endian float64 {@code [n, d]} .npy file (format version 1.0). */
    private static void writeNpy(Path file, Samples s) throws IOException {
        String dict = String.format(Locale.ROOT, "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }",
                s.n(), s.dim());
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * s.n() * s.dim()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : s.toRowMajor()) {
            b.putDouble(v);
        }
        Files.write(file, b.array());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
