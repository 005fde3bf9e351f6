package io.mist.bench;

import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.estimators.nonparametric.KsgEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * KSG 1+1-D at n = 1e6 only (k = 3, algorithm 1): the best of {@code reps} (default 5) timed runs after 3
 * warm-ups, the mean process CPU seconds of the timed runs, and the estimate. Usage: {@code KsgQuick [threads]
 * [reps]}.
 */
public final class KsgQuick {
    private KsgQuick() {
    }

    /** CPU time of the whole process so far (all threads, JIT and GC included), or 0 if unknown. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /**
     * Times {@code est} on {@code s}: {@code warmups} untimed runs, then {@code reps} timed ones; returns
     * {@code {best wall seconds, mean process CPU seconds, estimate}}.
     */
    static double[] time(KsgEstimator est, TaskSample s, int warmups, int reps) {
        double best = Double.POSITIVE_INFINITY;
        double v = 0;
        long cpu = 0;
        for (int rep = 0; rep < reps + warmups; rep++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            v = est.estimate(s.x(), s.y()).value();
            double t = (System.nanoTime() - t0) / 1e9;
            if (rep >= warmups) {
                best = Math.min(best, t);
                cpu += processCpuNanos() - c0;
            }
        }
        return new double[] {best, cpu / 1e9 / reps, v};
    }

    /** Runs it. */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        KsgEstimator est = new KsgEstimator(KsgConfig.builder().k(3)
                .algorithm(KsgConfig.Algorithm.ONE).threads(threads).build());
        double[] r = time(est, GaussianTask.bivariate(0.6).sample(1_000_000, 1), 3, reps);
        System.out.printf(Locale.ROOT, "%.4f\t%.4f\t%.15f%n", r[0], r[1], r[2]);
    }
}
