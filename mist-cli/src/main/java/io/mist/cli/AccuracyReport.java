package io.mist.cli;

import io.mist.cli.AccuracyBench.Run;
import io.mist.plot.MatrixPlots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code mist bench accuracy} writes: {@value #TABLE} (one row per task and estimator: estimate mean
 * +/- sample standard deviation over the seeds, truth, bias = mean - truth, mean seconds per run),
 * {@value #RUNS} (every run) and {@value #HEAT_MAP} (the relative error |mean - truth| / truth of each
 * estimator on each task; the absolute error where the truth is below {@value #ABSOLUTE_BELOW} nats, as for
 * independent data; values above {@value #HEAT_MAX} shown as {@value #HEAT_MAX}; drawn with
 * {@link MatrixPlots}, and not written when every run failed).
 */
final class AccuracyReport {
    static final String TABLE = "accuracy.md";
    static final String RUNS = "runs.csv";
    static final String HEAT_MAP = "relative-error.png";
    static final double ABSOLUTE_BELOW = 0.05;
    static final double HEAT_MAX = 1.0;

    private final List<Cell> cells;
    private final List<String> estimators;
    private final List<String> tasks;
    private final List<Run> runs;

    /** The runs of one estimator on one task. */
    record Cell(String estimator, String task, double truth, int ok, int failed, double mean, double sd,
            double seconds, String error) {
        double bias() {
            return mean - truth;
        }

        /** |bias| / truth, or |bias| where the truth is near zero; NaN when every run failed. */
        double relativeError() {
            return ok == 0 ? Double.NaN : Math.abs(bias()) / (truth < ABSOLUTE_BELOW ? 1 : truth);
        }
    }

    AccuracyReport(List<Run> runs) {
        this.runs = List.copyOf(runs);
        Map<String, List<Run>> groups = new LinkedHashMap<>();
        List<String> est = new ArrayList<>();
        List<String> tk = new ArrayList<>();
        for (Run r : runs) {
            groups.computeIfAbsent(r.task() + "\u0000" + r.estimator(), k -> new ArrayList<>()).add(r);
            if (!est.contains(r.estimator())) {
                est.add(r.estimator());
            }
            if (!tk.contains(r.task())) {
                tk.add(r.task());
            }
        }
        List<Cell> out = new ArrayList<>();
        for (List<Run> g : groups.values()) {
            out.add(cell(g));
        }
        this.cells = List.copyOf(out);
        this.estimators = List.copyOf(est);
        this.tasks = List.copyOf(tk);
    }

    private static Cell cell(List<Run> g) {
        double sum = 0;
        double secs = 0;
        int ok = 0;
        String error = null;
        for (Run r : g) {
            secs += r.seconds();
            if (r.failed()) {
                error = error == null ? r.error() : error;
            } else {
                sum += r.estimate();
                ok++;
            }
        }
        double mean = ok == 0 ? Double.NaN : sum / ok;
        double ss = 0;
        for (Run r : g) {
            if (!r.failed()) {
                ss += (r.estimate() - mean) * (r.estimate() - mean);
            }
        }
        double sd = ok > 1 ? Math.sqrt(ss / (ok - 1)) : Double.NaN;
        Run first = g.get(0);
        return new Cell(first.estimator(), first.task(), first.truth(), ok, g.size() - ok, mean, sd,
                secs / g.size(), error);
    }

    List<Cell> cells() {
        return cells;
    }

    /** The Markdown table. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| task | truth (nats) | estimator | estimate (mean +/- sd) | bias | seconds |\n");
        sb.append("| --- | ---: | --- | ---: | ---: | ---: |\n");
        for (Cell c : cells) {
            String estimate;
            String bias;
            if (c.ok() == 0) {
                estimate = "failed: " + c.error().replace('|', '/');
                bias = "";
            } else {
                estimate = String.format(Locale.ROOT, "%.3f +/- %s", c.mean(),
                        Double.isNaN(c.sd()) ? "n/a" : String.format(Locale.ROOT, "%.3f", c.sd()));
                if (c.failed() > 0) {
                    estimate += String.format(Locale.ROOT, " (%d of %d runs failed: %s)", c.failed(),
                            c.failed() + c.ok(), c.error().replace('|', '/'));
                }
                bias = String.format(Locale.ROOT, "%+.3f", c.bias());
            }
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s | %s | %.2f |%n", c.task(), c.truth(),
                    c.estimator(), estimate, bias, c.seconds()));
        }
        return sb.toString();
    }

    /** Every run as CSV: {@code estimator,task,seed,truth,estimate,seconds,status,error}. */
    String csv() {
        StringBuilder sb = new StringBuilder("estimator,task,seed,truth,estimate,seconds,status,error\n");
        for (Run r : runs) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%.17g,%s,%.6f,%s,%s%n", r.estimator(), r.task(), r.seed(),
                    r.truth(), r.failed() ? "" : Double.toString(r.estimate()), r.seconds(),
                    r.failed() ? "failed" : "ok", r.failed() ? quote(r.error()) : ""));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Writes the table, the runs and (unless every run failed) the heat map into {@code dir}, created if needed. */
    void write(Path dir, String title) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TABLE), "# " + title + "\n\n" + markdown(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RUNS), csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("--out: cannot write into " + dir + ": " + e.getMessage(), e);
        }
        double[][] heat = new double[estimators.size()][tasks.size()];
        for (double[] row : heat) {
            Arrays.fill(row, Double.NaN);
        }
        boolean any = false;
        for (Cell c : cells) {
            double e = c.relativeError();
            heat[estimators.indexOf(c.estimator())][tasks.indexOf(c.task())] = Math.min(e, HEAT_MAX);
            any |= !Double.isNaN(e);
        }
        if (any) {
            MatrixPlots.writeHeatMap(estimators, tasks, heat, "relative error |mean - truth| / truth (absolute where "
                    + "truth < " + ABSOLUTE_BELOW + "; capped at " + HEAT_MAX + ")", dir.resolve(HEAT_MAP));
        }
    }
}
