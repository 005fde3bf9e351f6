package io.mist.cli;

import io.mist.estimators.nonparametric.EntropyEstimators;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mist list}: the registered estimators with descriptions and options. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the estimators with their options and defaults.")
final class ListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--markdown", description = "print the options as the markdown page docs/options.md")
    private boolean markdown;

    @Option(names = "--docs", paramLabel = "DIR", description = "regenerate the generated pages of the user guide "
            + "in DIR (options.md, families/*.md, the table of choosing-an-estimator.md), keeping their prose")
    private Path docs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (docs != null) {
            for (Path p : DocsPages.write(EstimatorRegistry.global(), docs)) {
                out.println("wrote " + p);
            }
            out.flush();
            return 0;
        }
        if (markdown) {
            out.print(OptionsPage.markdown(EstimatorRegistry.global()));
            out.flush();
            return 0;
        }
        for (EstimatorProvider p : EstimatorRegistry.global().providers()) {
            out.printf("%-14s %-15s %s%s%n", p.name(), "[" + p.family() + "]", p.description(),
                    p.supportsConditional() ? " (supports --z)" : "");
            for (OptionSpec o : p.options()) {
                out.println("    --option " + o.describe());
            }
        }
        out.println();
        out.println("entropy estimators (mist entropy):");
        for (String name : EntropyEstimators.names()) {
            out.printf("%-14s %-15s %s%n", name, "[entropy]", EntropyEstimators.description(name));
            for (OptionSpec o : EntropyEstimators.options(name)) {
                out.println("    --option " + o.describe());
            }
        }
        return 0;
    }
}
