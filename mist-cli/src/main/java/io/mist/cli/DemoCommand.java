package io.mist.cli;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.internal.Seeds;
import io.mist.registry.DataKind;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.tasks.DiscreteChannelTask;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.StudentTTask;
import io.mist.tasks.TaskSample;
import io.mist.tasks.Transform;
import io.mist.tasks.TransformedTask;
import io.mist.uncertainty.Uncertainty;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mist demo}: samples built-in ground-truth tasks, runs every registered estimator that fits each
 * task (with its quick demo settings) and prints estimate vs truth with a standard error for every row (the
 * estimator's own, or {@value #DEMO_REPLICATES} resampling replicates with its declared scheme) and the time taken.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run every estimator on built-in ground-truth tasks and compare with the true MI.")
final class DemoCommand implements Callable<Integer> {
    /** Resampling replicates for the error bar of an estimator that reports none of its own. */
    static final int DEMO_REPLICATES = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--n", defaultValue = "2000", description = "samples per task (default ${DEFAULT-VALUE})")
    private int n;

    @Option(names = "--seed", defaultValue = "" + Seeds.DEFAULT_SEED, description = "seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--estimators", split = ",", paramLabel = "NAME",
            description = "only these estimators (default: all registered)")
    private List<String> only;

    @Override
    public Integer call() {
        if (n < 10) {
            throw new IllegalArgumentException("--n must be at least 10, got " + n);
        }
        List<EstimatorProvider> providers = providers(only);
        List<GroundTruthTask> tasks = Arrays.asList(GaussianTask.bivariate(0.6), GaussianTask.componentwise(3, 0.5),
                StudentTTask.componentwise(1, 0.5, 4), TransformedTask.of(GaussianTask.bivariate(0.6),
                        Transform.HALF_CUBE), IndependentTask.of(1, 1), DiscreteChannelTask.of(4, 0.7));
        List<Object[]> jobs = new ArrayList<>();
        for (GroundTruthTask t : tasks) {
            DataKind kind = t.dataKind();
            for (EstimatorProvider p : providers) {
                if (p.supports(kind, t.dimX(), t.dimY())) {
                    jobs.add(new Object[] {t, p});
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "mist demo: n=%d per task, seed %d, values in nats%n", n, seed);
        out.printf(Locale.ROOT, "%-31s %8s  %-16s %10s %9s  %-13s %10s %9s%n", "task", "truth", "estimator",
                "estimate", "std_error", "(from)", "error", "seconds");
        ProgressBar bar = ProgressBar.onConsole(err).start(jobs.size());
        List<String> rows = new ArrayList<>();
        int done = 0;
        boolean crossFitted = false;
        GroundTruthTask sampledTask = null;
        TaskSample sample = null;
        for (Object[] job : jobs) {
            GroundTruthTask t = (GroundTruthTask) job[0];
            EstimatorProvider p = (EstimatorProvider) job[1];
            bar.update(done, p.name() + " on " + t.name());
            if (t != sampledTask) {
                sample = t.sample(n, seed);
                sampledTask = t;
            }
            String row;
            try {
                MutualInformationEstimator est = p.create(EstimatorOptions.parse(p.name(), p.options(),
                        p.demoOptions(), seed));
                long t0 = System.nanoTime();
                MIEstimate r = est.estimate(sample.x(), sample.y());
                if (!r.hasStandardError()) {
                    // every row gets an error bar: the estimator's own, or resampling with its declared scheme
                    r = Uncertainty.withStandardError(est, sample.x(), sample.y(), r, DEMO_REPLICATES, seed,
                            Runtime.getRuntime().availableProcessors());
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                crossFitted |= r.uncertaintyScheme() == ResamplingScheme.CROSS_FITTING;
                double truth = t.trueMutualInformation();
                row = String.format(Locale.ROOT, "%-31s %8.4f  %-16s %10.4f %9.4f  %-13s %+10.4f %9.3f", t.name(),
                        truth, p.name(), r.value(), r.standardError(), errorSource(r), r.value() - truth, secs);
            } catch (RuntimeException e) {
                row = String.format(Locale.ROOT, "%-31s %8.4f  %-16s failed: %s", t.name(), t.trueMutualInformation(),
                        p.name(), e.getMessage());
            }
            done++;
            bar.finish();
            out.println(row);
            out.flush();
            rows.add(row);
        }
        bar.finish();
        out.printf(Locale.ROOT, "%d runs of %d estimators on %d tasks%n", rows.size(), providers.size(), tasks.size());
        if (crossFitted) {
            out.println("cross-fitting: the error bar is for the value the trained critics reach; a lower bound sits "
                    + "below the MI by the critics' gap, which shrinks with n (docs/estimators.md)");
        }
        return 0;
    }

    /** The providers of these names (an unknown one is an error listing the known ones), or all when null. */
    static List<EstimatorProvider> providers(List<String> names) {
        EstimatorRegistry registry = EstimatorRegistry.global();
        if (names == null) {
            return List.copyOf(registry.providers());
        }
        List<EstimatorProvider> out = new ArrayList<>();
        for (String name : names) {
            out.add(registry.provider(name.trim()));
        }
        return out;
    }

    /** Where a row's standard error comes from: the estimator's resampling scheme, or its own analytic form. */
    private static String errorSource(MIEstimate r) {
        return r.uncertaintyScheme() == ResamplingScheme.NONE ? "analytic" : r.uncertaintyScheme().label();
    }
}
