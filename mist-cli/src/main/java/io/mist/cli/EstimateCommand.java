package io.mist.cli;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.core.Seeds;
import io.mist.core.Units;
import io.mist.data.JsonWriter;
import io.mist.data.PairedData;
import io.mist.estimators.discriminative.DiscriminativeProviders;
import io.mist.estimators.gmm.FittedGmm;
import io.mist.estimators.gmm.GmmEstimator;
import io.mist.plot.GmmPlots;
import io.mist.registry.EstimatorRegistry;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mist estimate}: estimate I(X;Y), or I(X;Y|Z) with {@code --z}, from CSV or NPY files.
 *
 * <p>{@code --json} prints one object with the fields {@code estimator, value, std_error, p_value, unit,
 * n, dx, dy, seconds, seed} (a public contract), plus {@code uncertainty_scheme} and {@code diagnostics}.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Estimate I(X;Y) (or I(X;Y|Z) with --z) from CSV or .npy files.")
final class EstimateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--x", required = true, paramLabel = "FILE[:COLS]",
            description = "X samples: CSV (header optional) or .npy; COLS like 0,2-4 (0-based)")
    private String x;

    @Option(names = "--y", required = true, paramLabel = "FILE[:COLS]", description = "Y samples, as --x")
    private String y;

    @Option(names = "--z", paramLabel = "FILE[:COLS]", description = "conditioning samples for I(X;Y|Z)")
    private String z;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = EstimateMI.DEFAULT_ESTIMATOR,
            description = "estimator name (see 'mist list'); default ${DEFAULT-VALUE}")
    private String estimator;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "estimator option, repeatable")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT_SEED, description = "seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--bits", description = "report bits instead of nats")
    private boolean bits;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "0",
            description = "standard error from B resamples (the estimator's scheme)")
    private int bootstrap;

    @Option(names = "--permutations", paramLabel = "P", defaultValue = "0",
            description = "p-value of independence from P permutations")
    private int permutations;

    @Option(names = "--threads", paramLabel = "T", description = "threads for resampling (default: all cores)")
    private Integer threads;

    @Option(names = "--stream", description = "train on batches read from disk, never loading all rows: "
            + "two .npy files, or --x and --y columns of one CSV file; estimators that train only")
    private boolean stream;

    @Option(names = "--json", description = "print one JSON object")
    private boolean json;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "gmm only: write the fitted mixture's ellipses and density contours (.png or .svg)")
    private Path plot;

    @Override
    public Integer call() {
        if (stream) {
            return callStreaming();
        }
        Samples xs = DataFiles.read("--x", DataSpec.parse("--x", x));
        Samples ys = DataFiles.read("--y", DataSpec.parse("--y", y));
        Samples zs = z == null ? null : DataFiles.read("--z", DataSpec.parse("--z", z));
        if (xs.n() != ys.n()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--x and --y must have the same number of samples: --x has %d rows, --y has %d rows", xs.n(),
                    ys.n()));
        }
        if (zs != null && zs.n() != xs.n()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--z must have the same number of samples as --x: --x has %d rows, --z has %d rows", xs.n(),
                    zs.n()));
        }
        if (plot != null && !GmmEstimator.NAME.equalsIgnoreCase(estimator)) {
            throw new IllegalArgumentException("--plot is only available with --estimator gmm, got '" + estimator + "'");
        }
        if (plot != null && !plot.toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|svg)")) {
            throw new IllegalArgumentException("--plot: the file name must end in .png or .svg, got " + plot);
        }
        if (showProgress()) {
            options.put(DiscriminativeProviders.PROGRESS, "true");
        }
        EstimateMI.Request request = EstimateMI.with(estimator).options(options).seed(seed).bootstrap(bootstrap)
                .permutations(permutations);
        if (threads != null) {
            request.threads(threads);
        }
        MIEstimate r = zs == null ? request.estimate(xs, ys) : request.estimate(xs, ys, zs);
        if (plot != null) {
            writePlot(xs, ys, zs);
        }
        print(r, zs != null);
        return 0;
    }

    /** {@code --stream}: the rows are read batch by batch from the files, never all at once. */
    private Integer callStreaming() {
        for (String[] bad : new String[][] {{"--z", z}, {"--plot", plot == null ? null : plot.toString()}}) {
            if (bad[1] != null) {
                throw new IllegalArgumentException(bad[0] + " is not available with --stream; drop one of them");
            }
        }
        if (bootstrap > 0 || permutations > 0) {
            throw new IllegalArgumentException("--bootstrap and --permutations resample rows in memory and are not "
                    + "available with --stream; drop them or --stream");
        }
        PairedData data = StreamingFiles.open(DataSpec.parse("--x", x), DataSpec.parse("--y", y));
        if (showProgress()) {
            options.put(DiscriminativeProviders.PROGRESS, "true");
        }
        MIEstimate r = EstimateMI.with(estimator).options(options).seed(seed).estimate(data);
        print(r, false);
        return 0;
    }

    /** A training progress bar on a console, for estimators that train, unless replicates run in parallel. */
    private boolean showProgress() {
        return System.console() != null && !json && bootstrap == 0 && permutations == 0
                && !options.containsKey(DiscriminativeProviders.PROGRESS)
                && EstimatorRegistry.global().provider(estimator).options().stream()
                        .anyMatch(o -> o.name().equals(DiscriminativeProviders.PROGRESS));
    }

    /** Refits the mixture once on all data (no bootstrap) and plots it in the plane of x[0], y[0]. */
    private void writePlot(Samples xs, Samples ys, Samples zs) {
        GmmEstimator gmm = (GmmEstimator) EstimateMI.with(estimator).options(options).option("n_bootstrap", 0)
                .seed(seed).build();
        FittedGmm fit = zs == null ? gmm.fit(xs, ys) : gmm.fit(xs, ys, zs);
        GmmPlots.write(fit, xs, ys, plot);
    }

    private void print(MIEstimate r, boolean conditional) {
        PrintWriter out = spec.commandLine().getOut();
        double scale = bits ? 1 / Units.LN2 : 1;
        String unit = bits ? "bits" : "nats";
        if (json) {
            out.println(new JsonWriter().put("estimator", r.estimator()).put("value", r.value() * scale)
                    .put("std_error", r.standardError() * scale).put("p_value", r.pValue()).put("unit", unit)
                    .put("n", r.n()).put("dx", r.dx()).put("dy", r.dy()).put("seconds", r.seconds())
                    .put("seed", r.seed()).put("uncertainty_scheme", r.uncertaintyScheme().label())
                    .put("diagnostics", r.diagnostics()));
            return;
        }
        out.printf(Locale.ROOT, "estimator   %s%n", r.estimator());
        out.printf(Locale.ROOT, "%-11s %.6f %s%s%n", conditional ? "I(X;Y|Z)" : "I(X;Y)", r.value() * scale, unit,
                r.hasStandardError() ? String.format(Locale.ROOT, " +/- %.6f (%s)", r.standardError() * scale,
                        r.uncertaintyScheme() == io.mist.core.ResamplingScheme.NONE ? "analytic"
                                : r.uncertaintyScheme().label())
                        : "");
        if (r.hasPValue()) {
            out.printf(Locale.ROOT, "p-value     %.4g%n", r.pValue());
        }
        out.printf(Locale.ROOT, "samples     n=%d, dx=%d, dy=%d%n", r.n(), r.dx(), r.dy());
        out.printf(Locale.ROOT, "seed        %d%n", r.seed());
        out.printf(Locale.ROOT, "time        %.3f s%n", r.seconds());
        if (plot != null) {
            out.printf(Locale.ROOT, "plot        %s%n", plot);
        }
        for (String d : r.diagnostics()) {
            out.println("note        " + d);
        }
    }
}
