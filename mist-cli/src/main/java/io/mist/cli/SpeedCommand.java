package io.mist.cli;

import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mist bench speed}: the speed rows of {@code docs/benchmarks.md} ({@link SpeedBench}) in this JVM, printed
 * as Markdown tables; a progress bar on standard error.
 */
@Command(name = "speed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time KSG over n (with the growth exponent), GMM-MI, and the training rate of the neural "
                + "estimators, as in docs/benchmarks.md; prints Markdown tables.")
final class SpeedCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--ksg-sizes", split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000",
            description = "n of the 1+1-D KSG rows (default ${DEFAULT-VALUE})")
    private int[] ksgSizes;

    @Option(names = "--ksg-sizes-5d", split = ",", paramLabel = "N", defaultValue = "10000,100000",
            description = "n of the 5+5-D KSG rows (default ${DEFAULT-VALUE})")
    private int[] ksgSizes5;

    @Option(names = "--gmm-sizes", split = ",", paramLabel = "N", defaultValue = "200,10000",
            description = "n of the GMM-MI rows (default ${DEFAULT-VALUE})")
    private int[] gmmSizes;

    @Option(names = "--neural", split = ",", paramLabel = "NAME",
            description = "trained estimators to time (default: every registered one that trains, but auto); "
                    + "'none' for no neural rows")
    private List<String> neural;

    @Option(names = "--iterations", defaultValue = "3000",
            description = "training iterations per timed fit (default ${DEFAULT-VALUE})")
    private int iterations;

    @Option(names = "--repeats", defaultValue = "5", description = "timed calls per KSG and GMM-MI row "
            + "(default ${DEFAULT-VALUE})")
    private int repeats;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "threads of KSG and GMM-MI (default ${DEFAULT-VALUE} = all cores; neural fits use one "
                    + "PyTorch thread)")
    private int threads;

    @Override
    public Integer call() {
        List<String> names = neural == null ? EstimatorRegistry.global().providers().stream()
                .filter(EstimatorProvider::trains).map(EstimatorProvider::name).filter(n -> !n.equals("auto")).toList()
                : neural.equals(List.of("none")) ? List.of() : neural;
        SpeedBench bench = new SpeedBench(ksgSizes, ksgSizes5, gmmSizes, names, iterations, repeats, threads);
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = ProgressBar.onConsole(spec.commandLine().getErr());
        bar.start(bench.rows());
        int[] done = {0};
        List<SpeedBench.Row> rows = bench.run(r -> bar.update(++done[0], r.estimator() + " n=" + r.n(), false));
        bar.finish();
        out.printf(Locale.ROOT, "mist bench speed: %d cores, Java %s, threads %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                threads == 0 ? "all" : Integer.toString(threads));
        out.print(SpeedBench.markdown(rows));
        out.flush();
        return 0;
    }
}
