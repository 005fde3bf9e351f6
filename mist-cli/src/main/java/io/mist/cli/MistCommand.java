package io.mist.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mist} command. */
@Command(name = "mist", mixinStandardHelpOptions = true, version = "mist 0.1.0",
        description = "Mutual information estimation (values in nats unless --bits).",
        subcommands = {EstimateCommand.class, EntropyCommand.class, MatrixCommand.class, ListCommand.class,
            DemoCommand.class, BenchCommand.class, HelpCommand.class})
final class MistCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
