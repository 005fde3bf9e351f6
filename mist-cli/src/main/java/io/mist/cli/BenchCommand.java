package io.mist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mist bench}: benchmarks against ground truth; {@code mist bench accuracy} is the one so far. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against ground truth.",
        subcommands = {AccuracyCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
