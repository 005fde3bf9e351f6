package io.mist.cli;

import io.mist.EstimateMI;
import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.core.Units;
import io.mist.core.internal.JsonWriter;
import io.mist.data.PairedData;
import io.mist.estimators.gmm.FittedGmm;
import io.mist.estimators.gmm.GmmEstimator;
import io.mist.estimators.gmm.GmmProvider;
import io.mist.estimators.gmm.KlEstimate;
import io.mist.plot.GmmPlots;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSchema;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>{@code --estimator gmm --option kl=forward} (or {@code reverse}) reports the KL divergence between the
 * marginals instead, through {@link io.mist.estimators.gmm.GmmEstimator#klDivergence} and its own result type;
 * its JSON has the same fields plus {@code quantity} ({@code kl_forward} or {@code kl_reverse}), and
 * {@code --bootstrap B} sets its bootstrap refits. It is never permutation-tested.
 *
 * <p>{@code --data FILE --x-columns 0-2 --y-columns 3-4 --value-only} is the form the {@code bmi} benchmark's
 * external estimators need: one CSV whose columns are X then Y, and only the estimate on standard output
 * (logging is switched off by {@link Main} before anything logs).
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Estimate I(X;Y) (or I(X;Y|Z) with --z) from CSV or .npy files.")
final class EstimateCommand implements Callable<Integer> {
    /** gmm's option that asks for a KL divergence between the marginals instead of MI. */
    private static final String KL = "kl";

    @Spec
    private CommandSpec spec;

    @Option(names = "--x", paramLabel = "FILE[:COLS]",
            description = "X samples: CSV (header optional) or .npy; COLS like 0,2-4 (0-based)")
    private String x;

    @Option(names = "--y", paramLabel = "FILE[:COLS]", description = "Y samples, as --x")
    private String y;

    @Option(names = "--data", paramLabel = "FILE",
            description = "one file holding X and Y, split by --x-columns and --y-columns (instead of --x, --y)")
    private String data;

    @Option(names = "--x-columns", paramLabel = "COLS",
            description = "columns of X (like 0-2) in --data, or in the --x file")
    private String xColumns;

    @Option(names = "--y-columns", paramLabel = "COLS",
            description = "columns of Y (like 3-4) in --data, or in the --y file")
    private String yColumns;

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

    @Option(names = "--threads", paramLabel = "T",
            description = "threads for resampling (0 = all cores, the default; as the estimators' threads=0)")
    private Integer threads;

    @Option(names = "--stream", description = "train on batches read from disk, never loading all rows: "
            + "two .npy files, or --x and --y columns of one CSV file; estimators that train only")
    private boolean stream;

    @Option(names = "--json", description = "print one JSON object")
    private boolean json;

    @Option(names = "--value-only", description = "print only the estimate (nats, or bits with --bits) and "
            + "nothing on standard error: the contract of the bmi benchmark's external estimators")
    private boolean valueOnly;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "gmm only: write the fitted mixture's ellipses and density contours (.png or .svg)")
    private Path plot;

    @Override
    public Integer call() {
        if (valueOnly && (json || plot != null)) {
            throw new IllegalArgumentException("--value-only prints one number: drop --json and --plot, or "
                    + "--value-only");
        }
        DataSpec xSpec = DataSpec.select("--x", x, "--x-columns", xColumns, data);
        DataSpec ySpec = DataSpec.select("--y", y, "--y-columns", yColumns, data);
        if (stream) {
            return callStreaming(xSpec, ySpec);
        }
        Samples xs = DataFiles.read("--x", xSpec);
        Samples ys = DataFiles.read("--y", ySpec);
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
        if (asksForKl()) {
            printKl(estimateKl(xs, ys, zs));
            return 0;
        }
        EstimateMI.Request request = EstimateMI.with(estimator).options(options).seed(seed).bootstrap(bootstrap)
                .permutations(permutations);
        if (threads != null) {
            request.threads(Checks.threads("--threads", threads));
        }
        if (showProgress()) {
            request.listener(new TrainingProgress(new ProgressBar(spec.commandLine().getErr(), true)));
        }
        MIEstimate r = zs == null ? request.estimate(xs, ys) : request.estimate(xs, ys, zs);
        if (plot != null) {
            writePlot(r, xs, ys);
        }
        print(r, zs != null);
        return 0;
    }

    /** {@code --stream}: the rows are read batch by batch from the files, never all at once. */
    private Integer callStreaming(DataSpec xSpec, DataSpec ySpec) {
        for (String[] bad : new String[][] {{"--z", z}, {"--plot", plot == null ? null : plot.toString()}}) {
            if (bad[1] != null) {
                throw new IllegalArgumentException(bad[0] + " is not available with --stream; drop one of them");
            }
        }
        if (bootstrap > 0 || permutations > 0) {
            throw new IllegalArgumentException("--bootstrap and --permutations resample rows in memory and are not "
                    + "available with --stream; drop them or --stream");
        }
        PairedData rows = StreamingFiles.open(xSpec, ySpec);
        EstimateMI.Request request = EstimateMI.with(estimator).options(options).seed(seed);
        if (showProgress()) {
            request.listener(new TrainingProgress(new ProgressBar(spec.commandLine().getErr(), true)));
        }
        MIEstimate r = request.estimate(rows);
        print(r, false);
        return 0;
    }

    /**
     * A training progress bar for estimators that train: when option {@code progress=true} is given, or on a
     * console unless {@code progress=false}, {@code --json}, {@code --value-only} or replicates (which train in
     * parallel). {@code --value-only} never shows one.
     */
    private boolean showProgress() {
        if (valueOnly || !EstimatorRegistry.global().provider(estimator).trains()) {
            return false;
        }
        String asked = options.get(OptionSchema.PROGRESS);
        if (asked != null) {
            return asked.trim().equalsIgnoreCase("true");
        }
        return System.console() != null && !json && bootstrap == 0 && permutations == 0;
    }

    /** Whether {@code gmm}'s {@code kl} option asks for a KL divergence rather than MI. */
    private boolean asksForKl() {
        String kl = options.get(KL);
        return GmmEstimator.NAME.equalsIgnoreCase(estimator) && kl != null && !kl.trim().equals("none");
    }

    private KlEstimate estimateKl(Samples xs, Samples ys, Samples zs) {
        if (zs != null) {
            throw new IllegalArgumentException("--z: option kl (a KL divergence between the marginals) has no "
                    + "conditional form; drop --z or the kl option");
        }
        if (permutations > 0) {
            throw new IllegalArgumentException("--permutations: option kl reports a KL divergence, not MI, so there "
                    + "is no independence test; drop --permutations");
        }
        EstimatorProvider p = EstimatorRegistry.global().provider(estimator);
        EstimatorOptions o = EstimatorOptions.parse(p.name(), p.options(), options, seed).withReplicates(bootstrap);
        GmmEstimator gmm = GmmProvider.estimator(o);
        KlEstimate k = gmm.klDivergence(xs, ys);
        if (plot != null) {
            GmmPlots.write(gmm.fit(xs, ys), xs, ys, plot);
        }
        return k;
    }

    private void printKl(KlEstimate k) {
        String scheme = (k.hasStandardError() ? ResamplingScheme.BOOTSTRAP : ResamplingScheme.NONE).label();
        print(new Report(GmmEstimator.NAME, k.quantity(), "kl_" + k.direction().label(), k.value(),
                k.standardError(), Double.NaN, scheme, scheme, k.n(), k.dx(), k.dy(), k.seconds(), k.seed(),
                k.diagnostics()));
    }

    /** Plots the mixture the estimate was computed from in the plane of x[0], y[0]. */
    private void writePlot(MIEstimate r, Samples xs, Samples ys) {
        FittedGmm fit = r.model(FittedGmm.class).orElseThrow(() -> new IllegalStateException(
                "--plot: estimator '" + estimator + "' returned no fitted mixture"));
        GmmPlots.write(fit, xs, ys, plot);
    }

    private void print(MIEstimate r, boolean conditional) {
        String scheme = r.uncertaintyScheme().label();
        print(new Report(r.estimator(), conditional ? "I(X;Y|Z)" : "I(X;Y)", null, r.value(), r.standardError(),
                r.pValue(), scheme, r.uncertaintyScheme() == ResamplingScheme.NONE ? "analytic" : scheme, r.n(),
                r.dx(), r.dy(), r.seconds(), r.seed(), r.diagnostics()));
    }

    /** What one run prints: MI (no {@code quantity} field, the JSON contract) or gmm's KL divergence. */
    private record Report(String estimator, String quantity, String jsonQuantity, double value,
            double standardError, double pValue, String scheme, String errorSource, int n, int dx, int dy,
            double seconds, long seed, List<String> diagnostics) {
    }

    private void print(Report r) {
        PrintWriter out = spec.commandLine().getOut();
        double scale = bits ? 1 / Units.LN2 : 1;
        String unit = bits ? "bits" : "nats";
        if (valueOnly) {
            out.println(r.value() * scale);
            return;
        }
        if (json) {
            JsonWriter j = new JsonWriter().put("estimator", r.estimator());
            if (r.jsonQuantity() != null) {
                j.put("quantity", r.jsonQuantity());
            }
            out.println(j.put("value", r.value() * scale).put("std_error", r.standardError() * scale)
                    .put("p_value", r.pValue()).put("unit", unit).put("n", r.n()).put("dx", r.dx()).put("dy", r.dy())
                    .put("seconds", r.seconds()).put("seed", r.seed()).put("uncertainty_scheme", r.scheme())
                    .put("diagnostics", r.diagnostics()));
            return;
        }
        out.printf(Locale.ROOT, "estimator   %s%n", r.estimator());
        out.printf(Locale.ROOT, "%-11s %.6f %s%s%n", r.quantity(), r.value() * scale, unit,
                Double.isNaN(r.standardError()) ? "" : String.format(Locale.ROOT, " +/- %.6f (%s)",
                        r.standardError() * scale, r.errorSource()));
        if (!Double.isNaN(r.pValue())) {
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
