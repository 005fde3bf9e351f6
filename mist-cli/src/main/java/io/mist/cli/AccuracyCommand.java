package io.mist.cli;

import io.mist.core.internal.Seeds;
import io.mist.tasks.AccuracySuite;
import io.mist.tasks.GroundTruthTask;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mist bench accuracy}: every named (default: every registered) estimator at its defaults on each task
 * of {@link AccuracySuite} it supports, {@code --seeds} times; writes {@link AccuracyReport}'s table, runs and
 * heat map into {@code --out} and prints the table. A failing run is recorded as failed, never stops the suite.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run estimators at their defaults on ground-truth tasks (Beyond Normal style) and write "
                + "a Markdown table, a CSV of every run and a heat map of relative error.")
final class AccuracyCommand implements Callable<Integer> {
    /** Samples per run unless {@code --n}. */
    static final int DEFAULT_N = 5000;
    /** Runs per estimator and task unless {@code --seeds}. */
    static final int DEFAULT_SEEDS = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--estimators", split = ",", paramLabel = "NAME",
            description = "estimators to run (default: every registered one)")
    private List<String> estimators;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK", description = "tasks to run (default: all; "
            + "names as in the table, e.g. gaussian-1x1-rho0.75; an unknown name lists them)")
    private List<String> tasks;

    @Option(names = "--n", defaultValue = "" + DEFAULT_N, description = "samples per run (default ${DEFAULT-VALUE})")
    private int n;

    @Option(names = "--seeds", defaultValue = "" + DEFAULT_SEEDS,
            description = "runs per estimator and task, seeds --seed, --seed+1, ... (default ${DEFAULT-VALUE})")
    private int seeds;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT_SEED,
            description = "seed of the first run (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "runs at a time (default ${DEFAULT-VALUE}; estimators may use more threads of their own, "
                    + "and parallel runs share the cores, so seconds are comparable only at 1)")
    private int threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mist-bench-accuracy",
            description = "directory for " + AccuracyReport.TABLE + ", " + AccuracyReport.RUNS + " and "
                    + AccuracyReport.HEAT_MAP + " (default ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() {
        List<GroundTruthTask> chosenTasks;
        try {
            chosenTasks = tasks == null ? AccuracySuite.tasks() : AccuracySuite.select(tasks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tasks: " + e.getMessage(), e);
        }
        AccuracyBench bench = new AccuracyBench(DemoCommand.providers(estimators), chosenTasks, n, seeds, seed,
                threads);
        PrintWriter err = spec.commandLine().getErr();
        String title = String.format(Locale.ROOT, "mist bench accuracy: n=%d, %d seeds from %d, values in nats",
                n, seeds, seed);
        report(bench, ProgressBar.onConsole(err), title);
        return 0;
    }

    /** Runs the bench with {@code bar} and writes and prints the report. */
    void report(AccuracyBench bench, ProgressBar bar, String title) {
        PrintWriter stdout = spec.commandLine().getOut();
        int total = bench.pairs().size() * bench.seeds();
        bar.start(total);
        int[] done = {0};
        List<AccuracyBench.Run> runs = bench.run(r -> {
            done[0]++;
            bar.update(done[0], r.estimator() + " on " + r.task(), false);
        });
        bar.finish();
        AccuracyReport report = new AccuracyReport(runs);
        report.write(out, title);
        long failed = runs.stream().filter(AccuracyBench.Run::failed).count();
        stdout.println(title);
        stdout.println();
        stdout.print(report.markdown());
        int skipped = bench.estimators().size() * bench.tasks().size() - bench.pairs().size();
        stdout.printf(Locale.ROOT, "%n%d runs (%d failed) of %d estimators on %d tasks (%d estimator-task pairs "
                + "skipped: data the estimator does not take); wrote %s, %s, %s in %s%n", runs.size(), failed,
                bench.estimators().size(), bench.tasks().size(), skipped, AccuracyReport.TABLE, AccuracyReport.RUNS,
                AccuracyReport.HEAT_MAP, out);
        stdout.flush();
    }
}
