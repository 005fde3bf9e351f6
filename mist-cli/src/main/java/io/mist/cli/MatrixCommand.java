package io.mist.cli;

import io.mist.EstimateMI;
import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.internal.Parallel;
import io.mist.plot.MatrixPlots;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSpec;
import io.mist.uncertainty.Significance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mist matrix}: I(X;Y) for every pair of columns of a CSV table, or for every column against
 * {@code --target}, on a pool of {@code --threads} threads local to the command ({@link Parallel}).
 *
 * <p>Each pair is estimated exactly as {@code EstimateMI.with(estimator).options(...).seed(S).permutations(P)}
 * on its two columns, with the rows that have a missing cell (blank, NA, NaN, ...; see {@link NumericTable})
 * in either column dropped and counted. Every pair uses the same seed {@code S}, so the matrix does not depend
 * on the thread count or on which thread ran which pair. When the estimator has a {@code threads} option and
 * it is not given, it is set to 1: the pairs are the parallel work.
 *
 * <p>The output CSV has the columns {@code x,y,estimator,mi,std_error,p_value,n,n_dropped,q_value} (a public
 * contract: columns are added, never renamed; MI and its standard error in nats, empty where not computed), one
 * row per pair in table order; {@code q_value} is the Benjamini-Hochberg adjustment of the p-values over all
 * pairs ({@link Significance}), present when every pair has a p-value. {@code --data} is a CSV table or a 2-D
 * {@code .npy} array whose columns are named {@code c0, c1, ...} or by {@code --names}.
 * {@code --cluster} orders the heat map's rows and columns by {@link ClusterOrder} (the CSV keeps table order).
 * Everything the command can check (file, columns, estimator, options, output names) is checked before the
 * first estimate.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = "MI of every pair of columns of a CSV or NPY table (or of every column against --target).")
final class MatrixCommand implements Callable<Integer> {
    /** The header of the output CSV. */
    static final String HEADER = "x,y,estimator,mi,std_error,p_value,n,n_dropped,q_value";

    private static final String THREADS_OPTION = "threads";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV table, header row naming "
            + "the columns (without one they are named 0, 1, ...), or a 2-D .npy array (columns c0, c1, ...)")
    private Path data;

    @Option(names = "--names", split = ",", paramLabel = "NAME",
            description = "names of the columns of a .npy --data, in order (default c0, c1, ...)")
    private List<String> npyNames;

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
            description = "columns to use (default: every numeric column)")
    private List<String> columns;

    @Option(names = "--target", paramLabel = "NAME", description = "estimate every column against this one only")
    private String target;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = EstimateMI.DEFAULT_ESTIMATOR,
            description = "estimator name (see 'mist list'); default ${DEFAULT-VALUE}")
    private String estimator;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "estimator option, repeatable")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--permutations", paramLabel = "P", defaultValue = "0",
            description = "p-value of independence for each pair from P permutations")
    private int permutations;

    @Option(names = "--seed", defaultValue = "" + EstimateMI.DEFAULT_SEED, description = "seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "pairs estimated at once (0 = all cores, the default)")
    private int threads;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output CSV: " + HEADER)
    private Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "also write the matrix as a PNG heat map")
    private Path plot;

    @Option(names = "--cluster", description = "order the heat map's rows and columns by average-linkage "
            + "clustering of MI (with --target: by MI, largest first)")
    private boolean cluster;

    /** One estimated pair. */
    record Entry(String x, String y, MIEstimate estimate, int dropped) {
    }

    @Override
    public Integer call() {
        int pool = Checks.threads("--threads", threads);
        Checks.atLeast("--permutations", permutations, 0);
        requireWritable("--out", out, "");
        if (plot != null) {
            requireWritable("--plot", plot, ".png");
        } else if (cluster) {
            throw Checks.fail("--cluster orders the heat map; give --plot FILE.png too, or drop --cluster");
        }
        EstimatorProvider provider = EstimatorRegistry.global().provider(estimator);
        Map<String, String> opts = new LinkedHashMap<>(options);
        if (!opts.containsKey(THREADS_OPTION)
                && provider.options().stream().map(OptionSpec::name).anyMatch(THREADS_OPTION::equals)) {
            opts.put(THREADS_OPTION, "1");
        }
        request(opts).build(); // checks the option names and values before any work
        NumericTable table = read();
        List<int[]> pairs = pairs(table);
        List<Entry> entries = estimate(table, pairs, opts, pool);
        writeCsv(entries);
        if (plot != null) {
            writePlot(table, pairs, entries);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%d pairs, %s, written to %s%s%n", entries.size(),
                provider.name(), out, plot == null ? "" : " and " + plot);
        return 0;
    }

    /** The table of {@code --data}: CSV, or NPY with {@code --names}. */
    private NumericTable read() {
        if (DataFiles.isNpy(data)) {
            return NumericTable.readNpy("--data", data, "--names", npyNames);
        }
        if (npyNames != null) {
            throw Checks.fail("--names names the columns of a .npy file; %s is read as CSV, whose header names its "
                    + "columns: drop --names", data.getFileName());
        }
        return NumericTable.read("--data", data);
    }

    private EstimateMI.Request request(Map<String, String> opts) {
        return EstimateMI.with(estimator).options(opts).seed(seed).permutations(permutations).threads(1);
    }

    private static void requireWritable(String flag, Path file, String extension) {
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(extension)) { // "" accepts any name
            throw Checks.fail("%s: the file name must end in %s, got %s", flag, extension, file);
        }
        if (Files.isDirectory(file)) {
            throw Checks.fail("%s: %s is a directory; give a file name", flag, file);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw Checks.fail("%s: directory %s does not exist; create it first", flag, parent);
        }
    }

    /** The pairs {@code [x, y]} of table columns: every column against the target, or every pair in order. */
    private List<int[]> pairs(NumericTable table) {
        List<String> chosen = columns != null ? columns : table.numericNames();
        int t = target == null ? -1 : table.numericColumn("--target", target);
        List<Integer> cols = new ArrayList<>();
        for (String name : chosen) {
            int j = table.numericColumn("--columns", name.strip());
            if (cols.contains(j)) {
                throw Checks.fail("--columns: column '%s' is named twice", name.strip());
            }
            if (j != t) {
                cols.add(j);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        if (t >= 0) {
            cols.forEach(j -> pairs.add(new int[] {j, t}));
        } else {
            for (int a = 0; a < cols.size(); a++) {
                for (int b = a + 1; b < cols.size(); b++) {
                    pairs.add(new int[] {cols.get(a), cols.get(b)});
                }
            }
        }
        if (pairs.isEmpty()) {
            throw Checks.fail("%s: no pair of numeric columns to estimate (%s); give at least two columns, or one "
                    + "and --target", columns != null ? "--columns" : "--data",
                    String.join(", ", chosen.isEmpty() ? List.of("none numeric") : chosen));
        }
        return pairs;
    }

    private List<Entry> estimate(NumericTable table, List<int[]> pairs, Map<String, String> opts, int pool) {
        ProgressBar bar = ProgressBar.onConsole(spec.commandLine().getErr()).start(pairs.size());
        AtomicInteger done = new AtomicInteger();
        try (Parallel p = Parallel.open(Math.min(pool, pairs.size()))) {
            List<Entry> entries = p.map(pairs.size(), k -> {
                Entry e = estimate(table, pairs.get(k), opts);
                synchronized (bar) {
                    bar.update(done.incrementAndGet(), e.x() + " ~ " + e.y(), false);
                }
                return e;
            });
            bar.finish();
            return entries;
        }
    }

    private Entry estimate(NumericTable table, int[] pair, Map<String, String> opts) {
        String xName = table.names().get(pair[0]);
        String yName = table.names().get(pair[1]);
        double[] x = table.column(pair[0]);
        double[] y = table.column(pair[1]);
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                x[kept] = x[i];
                y[kept] = y[i];
                kept++;
            }
        }
        if (kept == 0) {
            throw Checks.fail("columns '%s' and '%s' have no row where both are present", xName, yName);
        }
        try {
            MIEstimate r = request(opts).estimate(Arrays.copyOf(x, kept), Arrays.copyOf(y, kept));
            return new Entry(xName, yName, r, x.length - kept);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("columns '" + xName + "' and '" + yName + "': " + e.getMessage(), e);
        }
    }

    private void writeCsv(List<Entry> entries) {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8); PrintWriter pw = new PrintWriter(w)) {
            pw.print(HEADER + "\n");
            double[] q = qValues(entries);
            for (int k = 0; k < entries.size(); k++) {
                Entry e = entries.get(k);
                MIEstimate r = e.estimate();
                pw.print(String.join(",", csvCell(e.x()), csvCell(e.y()), r.estimator(), number(r.value()),
                        number(r.standardError()), number(r.pValue()), Integer.toString(r.n()),
                        Integer.toString(e.dropped()), q == null ? "" : number(q[k])) + "\n");
            }
            if (pw.checkError()) {
                throw new UncheckedIOException(new IOException("cannot write " + out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    /**
     * The Benjamini-Hochberg adjusted p-values over all pairs ({@link Significance}), or null unless every pair
     * has a p-value (from --permutations, or from an estimator that reports its own).
     */
    private static double[] qValues(List<Entry> entries) {
        if (entries.stream().anyMatch(e -> Double.isNaN(e.estimate().pValue()))) {
            return null;
        }
        return Significance.benjaminiHochberg(entries.stream().mapToDouble(e -> e.estimate().pValue()).toArray());
    }

    /** A value in full precision ({@link Double#toString}); empty where not computed (NaN). */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** A name quoted when it holds a comma or a quote (RFC 4180). */
    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The rows of a one-column matrix, largest value first (ties in row order). */
    private static int[] byDecreasingValue(double[][] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[b][0], values[a][0])).mapToInt(Integer::intValue).toArray();
    }

    /** A square, symmetric matrix of all pairs, or one column of MI against the target. */
    private void writePlot(NumericTable table, List<int[]> pairs, List<Entry> entries) {
        List<Integer> rowCols = new ArrayList<>();
        List<Integer> colCols = new ArrayList<>();
        for (int[] pair : pairs) {
            if (!rowCols.contains(pair[0])) {
                rowCols.add(pair[0]);
            }
            if (target == null && !rowCols.contains(pair[1])) {
                rowCols.add(pair[1]);
            }
        }
        if (target == null) {
            colCols.addAll(rowCols);
        } else {
            colCols.add(pairs.get(0)[1]);
        }
        double[][] values = new double[rowCols.size()][colCols.size()];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        for (int k = 0; k < pairs.size(); k++) {
            double v = entries.get(k).estimate().value();
            int r = rowCols.indexOf(pairs.get(k)[0]);
            values[r][colCols.indexOf(pairs.get(k)[1])] = v;
            if (target == null) {
                values[rowCols.indexOf(pairs.get(k)[1])][colCols.indexOf(pairs.get(k)[0])] = v;
            }
        }
        if (cluster) {
            int[] order = target == null ? ClusterOrder.of(values) : byDecreasingValue(values);
            double[][] sorted = new double[order.length][];
            List<Integer> sortedRows = new ArrayList<>();
            for (int r = 0; r < order.length; r++) {
                sortedRows.add(rowCols.get(order[r]));
                sorted[r] = new double[colCols.size()];
                for (int c = 0; c < colCols.size(); c++) {
                    sorted[r][c] = values[order[r]][target == null ? order[c] : c];
                }
            }
            values = sorted;
            rowCols = sortedRows;
            if (target == null) {
                colCols = sortedRows;
            }
        }
        List<String> names = table.names();
        MatrixPlots.writeHeatMap(rowCols.stream().map(names::get).toList(), colCols.stream().map(names::get).toList(),
                values, "I(X;Y), nats, " + estimator, plot);
    }
}
