package io.mist.bench;

import io.mist.core.MIEstimate;
import io.mist.estimators.gmm.GmmConfig;
import io.mist.estimators.gmm.GmmEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.Locale;

/**
 * Wall-clock benchmark of GMM-MI with its defaults (50 bootstraps, 1e5 Monte Carlo samples) on a bivariate
 * Gaussian, rho 0.6 (truth 0.2231 nats): the README setup (n = 200) and n = 10,000. Each row: one warm-up
 * call, then the median of {@code reps} timed calls; mean and error of the last call.
 *
 * <p>Run: {@code java -cp ... io.mist.bench.GmmBench [reps] [threads]}.
 */
public final class GmmBench {
    private GmmBench() {
    }

    /** Prints one row per setup. */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        GaussianTask task = GaussianTask.bivariate(0.6);
        System.out.printf(Locale.ROOT, "GMM-MI, bivariate Gaussian rho 0.6 (truth %.4f nats), %d threads%n",
                task.trueMutualInformation(), threads);
        System.out.println("| n | bootstraps | median seconds | mean (nats) | error | components |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int n : new int[] {200, 10_000}) {
            TaskSample s = task.sample(n, 20261123L);
            GmmEstimator est = new GmmEstimator(GmmConfig.builder().threads(threads).build(), 42);
            est.estimate(s.x(), s.y());
            double[] t = new double[reps];
            MIEstimate r = null;
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                r = est.estimate(s.x(), s.y());
                t[i] = (System.nanoTime() - t0) * 1e-9;
            }
            java.util.Arrays.sort(t);
            String comps = r.diagnostics().stream().filter(d -> d.contains("components chosen")).findFirst()
                    .map(d -> d.substring(0, d.indexOf(' '))).orElse("?");
            System.out.printf(Locale.ROOT, "| %d | %d | %.3f | %.4f | %.4f | %s |%n", n, 50, t[reps / 2], r.value(),
                    r.standardError(), comps);
        }
    }
}
