package io.mist.bench;

import io.mist.core.MIEstimate;
import io.mist.core.internal.Statistics;
import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.estimators.nonparametric.KsgEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.Arrays;
import java.util.Locale;

/**
 * KSG speed and accuracy on correlated Gaussians (componentwise rho 0.6, k = 3): prints n, dx, dy, k,
 * seconds (best of several timed runs after warm-up, data already in memory), the estimate and the truth,
 * then the growth exponent of the time in n fitted by least squares on log-log for each dimension.
 *
 * <p>Usage: {@code KsgBench [threads] [algorithm]} (defaults: all cores, 1).
 */
public final class KsgBench {
    private KsgBench() {
    }

    /** Runs the table. */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int algorithm = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int k = 3;
        KsgEstimator est = new KsgEstimator(KsgConfig.builder().k(k)
                .algorithm(KsgConfig.Algorithm.values()[algorithm - 1]).threads(threads).build());
        System.out.printf(Locale.ROOT, "KSG algorithm %d, k = %d, %d threads, %d cores%n", algorithm, k, threads,
                Runtime.getRuntime().availableProcessors());
        System.out.println("n\tdx\tdy\tk\tseconds\testimate\ttruth");
        int[][] cases = {{1, 10_000}, {1, 100_000}, {1, 1_000_000}, {5, 10_000}, {5, 100_000}};
        double[] secs = new double[cases.length];
        for (int c = 0; c < cases.length; c++) {
            int d = cases[c][0];
            int n = cases[c][1];
            GaussianTask task = d == 1 ? GaussianTask.bivariate(0.6) : GaussianTask.componentwise(d, 0.6);
            TaskSample s = task.sample(n, 1);
            int reps = n >= 1_000_000 ? 5 : (n >= 100_000 ? 7 : 30);
            double best = Double.POSITIVE_INFINITY;
            MIEstimate r = null;
            for (int rep = 0; rep < reps + 3; rep++) {
                long t0 = System.nanoTime();
                r = est.estimate(s.x(), s.y());
                double t = (System.nanoTime() - t0) / 1e9;
                if (rep >= 3) {
                    best = Math.min(best, t);
                }
            }
            secs[c] = best;
            System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%.4f\t%.5f\t%.5f%n", n, d, d, k, best, r.value(),
                    task.trueMutualInformation());
        }
        System.out.printf(Locale.ROOT, "growth exponent 1+1-D (n = 1e4..1e6): %.3f%n",
                slope(new double[] {1e4, 1e5, 1e6}, Arrays.copyOfRange(secs, 0, 3)));
        System.out.printf(Locale.ROOT, "growth exponent 1+1-D (n = 1e5..1e6): %.3f%n",
                slope(new double[] {1e5, 1e6}, Arrays.copyOfRange(secs, 1, 3)));
        System.out.printf(Locale.ROOT, "growth exponent 5+5-D (n = 1e4..1e5): %.3f%n",
                slope(new double[] {1e4, 1e5}, Arrays.copyOfRange(secs, 3, 5)));
    }

    private static double slope(double[] n, double[] t) {
        return Statistics.growthExponent(n, t);
    }
}
