package io.mist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mist bench}: {@code accuracy} against ground truth and {@code speed} (the rows of docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: accuracy against ground truth, speed.",
        subcommands = {AccuracyCommand.class, SpeedCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
