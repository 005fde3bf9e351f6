package io.mist.cli;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.internal.Checks;
import io.mist.core.internal.Statistics;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSpec;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The runs of {@code mist bench speed}, the rows of {@code docs/benchmarks.md} through the registry (the same calls
 * a user makes; no JMH): KSG on correlated Gaussians (componentwise rho 0.6, k = 3) over n in 1+1 and 5+5
 * dimensions, best of {@code repeats} timed calls after one warm-up, with the growth exponent of the time in n;
 * GMM-MI at its defaults (50 bootstrap refits) on the bivariate Gaussian, median of {@code repeats} calls after a
 * warm-up; and each trained estimator's iterations per second on the 5+5-D Gaussian (n = 10,000, its defaults but
 * {@code iterations} iterations, no early stopping, one fit), best of two fits after a short warm-up fit, end to
 * end (the time of {@code estimate}, which includes the final evaluation).
 *
 * @param ksgSizes sample sizes of the 1+1-D KSG rows
 * @param ksgSizes5 sample sizes of the 5+5-D KSG rows
 * @param gmmSizes sample sizes of the GMM-MI rows
 * @param neural the trained estimators to time
 * @param iterations training iterations per timed fit
 * @param repeats timed calls per KSG and GMM row
 * @param threads threads of KSG and GMM-MI (0 = all cores)
 */
record SpeedBench(int[] ksgSizes, int[] ksgSizes5, int[] gmmSizes, List<String> neural, int iterations, int repeats,
        int threads) {
    /** Correlation of the Gaussians. */
    static final double RHO = 0.6;
    /** Rows of the neural fits. */
    static final int NEURAL_N = 10_000;
    private static final long DATA_SEED = 1;

    /** Validates against the CLI's flag names. */
    SpeedBench {
        ksgSizes = ksgSizes.clone();
        ksgSizes5 = ksgSizes5.clone();
        gmmSizes = gmmSizes.clone();
        neural = List.copyOf(neural);
        for (int n : concat(concat(ksgSizes, ksgSizes5), gmmSizes)) {
            Checks.atLeast("--ksg-sizes, --ksg-sizes-5d and --gmm-sizes values", n, 20);
        }
        Checks.atLeast("--iterations", iterations, 10);
        Checks.atLeast("--repeats", repeats, 1);
        if (threads < 0) {
            throw Checks.fail("--threads must be 0 (all cores) or positive, got %d", threads);
        }
        for (String name : neural) {
            if (!EstimatorRegistry.global().provider(name).trains()) {
                throw Checks.fail("--neural: '%s' does not train; name estimators that do", name);
            }
        }
    }

    /**
     * One measured row.
     *
     * @param section {@code ksg}, {@code gmm} or {@code neural}
     * @param estimator the estimator's name
     * @param n samples
     * @param dims {@code dx+dy}
     * @param seconds the timed seconds (best or median, see the class comment)
     * @param iterationsPerSecond training rate (NaN for KSG and GMM-MI)
     * @param estimate the value of the last timed call
     * @param truth the task's exact MI
     */
    record Row(String section, String estimator, int n, String dims, double seconds, double iterationsPerSecond,
            double estimate, double truth) {
    }

    /** The number of rows {@link #run} reports. */
    int rows() {
        return ksgSizes.length + ksgSizes5.length + gmmSizes.length + neural.size();
    }

    /** Runs every row; {@code progress} hears each as it finishes. */
    List<Row> run(Consumer<Row> progress) {
        List<Row> out = new ArrayList<>();
        Map<String, String> ksgOptions = Map.of("k", "3", "threads", Integer.toString(threads));
        for (int[] block : new int[][] {ksgSizes, ksgSizes5}) {
            int d = block == ksgSizes ? 1 : 5;
            for (int n : block) {
                Row r = timed("ksg", ksgOptions, GaussianTask.componentwise(d, RHO), n, d, false);
                progress.accept(r);
                out.add(r);
            }
        }
        for (int n : gmmSizes) {
            Row r = timed("gmm", Map.of("threads", Integer.toString(threads)), GaussianTask.bivariate(RHO), n, 1, true);
            progress.accept(r);
            out.add(r);
        }
        GaussianTask task = GaussianTask.componentwise(5, RHO);
        TaskSample s = task.sample(NEURAL_N, DATA_SEED);
        for (String name : neural) {
            Row r = neuralRate(name, s, task.trueMutualInformation());
            progress.accept(r);
            out.add(r);
        }
        return out;
    }

    private Row timed(String name, Map<String, String> options, GaussianTask task, int n, int d, boolean median) {
        TaskSample s = task.sample(n, DATA_SEED);
        MutualInformationEstimator est = create(name, options);
        est.estimate(s.x(), s.y());
        double[] t = new double[repeats];
        MIEstimate r = null;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r = est.estimate(s.x(), s.y());
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return new Row(name, name, n, d + "+" + d, median ? t[repeats / 2] : t[0], Double.NaN, r.value(),
                task.trueMutualInformation());
    }

    private Row neuralRate(String name, TaskSample s, double truth) {
        EstimatorProvider p = EstimatorRegistry.global().provider(name);
        Map<String, String> options = new HashMap<>();
        putIfKnown(p, options, "early_stopping", "false");
        putIfKnown(p, options, "folds", "1");
        putIfKnown(p, options, "max_iterations", Integer.toString(Math.max(10, iterations / 5)));
        create(name, options).estimate(s.x(), s.y());
        putIfKnown(p, options, "max_iterations", Integer.toString(iterations));
        double best = 0;
        double seconds = Double.NaN;
        MIEstimate last = null;
        for (int rep = 0; rep < 2; rep++) {
            MIEstimate r = create(name, options).estimate(s.x(), s.y());
            int steps = r.history().map(h -> h.steps().size()).orElse(iterations);
            double rate = steps / r.seconds();
            if (rate > best) {
                best = rate;
                seconds = r.seconds();
            }
            last = r;
        }
        return new Row("neural", name, s.x().n(), s.x().dim() + "+" + s.y().dim(), seconds, best, last.value(), truth);
    }

    private static void putIfKnown(EstimatorProvider p, Map<String, String> options, String key, String value) {
        for (OptionSpec o : p.options()) {
            if (o.name().equals(key)) {
                options.put(key, value);
                return;
            }
        }
    }

    private static MutualInformationEstimator create(String name, Map<String, String> options) {
        EstimatorProvider p = EstimatorRegistry.global().provider(name);
        return p.create(EstimatorOptions.parse(name, p.options(), options, io.mist.core.internal.Seeds.DEFAULT_SEED));
    }

    /** The report: one table per section and the KSG growth exponents. */
    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        List<Row> ksg = rows.stream().filter(r -> r.section().equals("ksg")).toList();
        if (!ksg.isEmpty()) {
            b.append("## KSG (k = 3, best of the timed calls)\n\n| n | dims | seconds | estimate | truth |\n")
                    .append("| ---: | :---: | ---: | ---: | ---: |\n");
            for (Row r : ksg) {
                b.append(String.format(Locale.ROOT, "| %,d | %s | %.4f | %.5f | %.5f |%n", r.n(), r.dims(),
                        r.seconds(), r.estimate(), r.truth()));
            }
            for (String dims : new String[] {"1+1", "5+5"}) {
                List<Row> g = ksg.stream().filter(r -> r.dims().equals(dims)).toList();
                if (g.size() >= 2) {
                    b.append(String.format(Locale.ROOT, "%nGrowth exponent of the time in n, %s-D, n = %,d to %,d: "
                            + "%.2f%n", dims, g.get(0).n(), g.get(g.size() - 1).n(), growthExponent(g)));
                }
            }
            b.append('\n');
        }
        List<Row> gmm = rows.stream().filter(r -> r.section().equals("gmm")).toList();
        if (!gmm.isEmpty()) {
            b.append("## GMM-MI (defaults: 50 bootstrap refits; median of the timed calls)\n\n")
                    .append("| n | dims | median seconds | mean (nats) | truth |\n| ---: | :---: | ---: | ---: | ---: |\n");
            for (Row r : gmm) {
                b.append(String.format(Locale.ROOT, "| %,d | %s | %.3f | %.4f | %.4f |%n", r.n(), r.dims(),
                        r.seconds(), r.estimate(), r.truth()));
            }
            b.append('\n');
        }
        List<Row> neural = rows.stream().filter(r -> r.section().equals("neural")).toList();
        if (!neural.isEmpty()) {
            b.append("## Neural estimators (5+5-D, n = 10,000, one fit, no early stopping; best of two)\n\n")
                    .append("| estimator | it/s (end to end) | seconds | value | truth |\n")
                    .append("| --- | ---: | ---: | ---: | ---: |\n");
            for (Row r : neural) {
                b.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.3f | %.3f |%n", r.estimator(),
                        r.iterationsPerSecond(), r.seconds(), r.estimate(), r.truth()));
            }
        }
        return b.toString();
    }

    /** The least-squares growth exponent of the rows' seconds in n. */
    static double growthExponent(List<Row> rows) {
        return Statistics.growthExponent(rows.stream().mapToDouble(Row::n).toArray(),
                rows.stream().mapToDouble(Row::seconds).toArray());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
