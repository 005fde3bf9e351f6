package io.mist.cli;

import io.mist.core.EntropyEstimate;
import io.mist.core.EntropyEstimator;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.core.Units;
import io.mist.core.internal.JsonWriter;
import io.mist.estimators.nonparametric.EntropyEstimators;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mist entropy}: differential entropy H(X) of a CSV or NPY file. {@code --json} prints
 * {@code estimator, value, unit, n, dim, seconds, seed, diagnostics}.
 */
@Command(name = "entropy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Estimate the differential entropy H(X) from a CSV or .npy file.")
final class EntropyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--x", required = true, paramLabel = "FILE[:COLS]",
            description = "samples: CSV (header optional) or .npy; COLS like 0,2-4 (0-based)")
    private String x;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = EntropyEstimators.DEFAULT,
            description = "entropy estimator (default ${DEFAULT-VALUE})")
    private String estimator;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "estimator option, repeatable")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT_SEED, description = "seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--bits", description = "report bits instead of nats")
    private boolean bits;

    @Option(names = "--json", description = "print one JSON object")
    private boolean json;

    @Override
    public Integer call() {
        Samples xs = DataFiles.read("--x", DataSpec.parse("--x", x));
        EntropyEstimator est = EntropyEstimators.create(estimator, options, seed);
        long t0 = System.nanoTime();
        EntropyEstimate r = est.estimate(xs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double value = bits ? Units.natsToBits(r.value()) : r.value();
        String unit = bits ? "bits" : "nats";
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new JsonWriter().put("estimator", r.estimator()).put("value", value).put("unit", unit)
                    .put("n", r.n()).put("dim", r.dim()).put("seconds", seconds).put("seed", r.seed())
                    .put("diagnostics", r.diagnostics()));
            return 0;
        }
        out.printf(Locale.ROOT, "estimator   %s%n", r.estimator());
        out.printf(Locale.ROOT, "H(X)        %.6f %s%n", value, unit);
        out.printf(Locale.ROOT, "samples     n=%d, dim=%d%n", r.n(), r.dim());
        out.printf(Locale.ROOT, "seed        %d%n", r.seed());
        out.printf(Locale.ROOT, "time        %.3f s%n", seconds);
        for (String d : r.diagnostics()) {
            out.println("note        " + d);
        }
        return 0;
    }
}
