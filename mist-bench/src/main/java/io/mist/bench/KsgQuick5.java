package io.mist.bench;

import io.mist.core.Samples;
import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.estimators.nonparametric.KsgEstimator;
import io.mist.estimators.nonparametric.internal.JointSearch;
import io.mist.estimators.nonparametric.internal.KdTree;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * KSG 5+5-D at n = 1e5 only (k = 3, algorithm 1, componentwise rho = 0.6): the best of {@code reps} (default
 * 3) timed runs after 2 warm-ups, the mean process CPU seconds of the timed runs, and the estimate. Usage:
 * {@code KsgQuick5 [threads] [reps]}; {@code KsgQuick5 search [reps]} times only the joint 10-D 3-NN search of
 * the raw sample on one thread (thread CPU seconds, best of reps after 2 warm-ups).
 */
public final class KsgQuick5 {
    private KsgQuick5() {
    }

    /** Runs it. */
    public static void main(String[] args) {
        TaskSample s = GaussianTask.componentwise(5, 0.6).sample(100_000, 1);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (args.length > 0 && args[0].equals("search")) {
            search(s, reps);
            return;
        }
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        KsgEstimator est = new KsgEstimator(KsgConfig.builder().k(3)
                .algorithm(KsgConfig.Algorithm.ONE).threads(threads).build());
        double[] r = KsgQuick.time(est, s, 2, reps);
        System.out.printf(Locale.ROOT, "%.4f\t%.4f\t%.16f%n", r[0], r[1], r[2]);
    }

    private static void search(TaskSample s, int reps) {
        Samples joint = Samples.concat(s.x(), s.y());
        int n = joint.n();
        int d = joint.dim();
        double[] rm = joint.toRowMajor();
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int rep = 0; rep < reps + 2; rep++) {
            KdTree tree = KdTree.build(rm, n, d, KdTree.SEARCH_LEAF_SIZE);
            long c0 = tb.getCurrentThreadCpuTime();
            JointSearch.Cursor c = tree.cursor(3);
            double acc = 0;
            for (int p = 0; p < n; p++) {
                acc += c.search(p);
            }
            double t = (tb.getCurrentThreadCpuTime() - c0) / 1e9;
            sum = acc;
            if (rep >= 2) {
                best = Math.min(best, t);
            }
        }
        System.out.printf(Locale.ROOT, "search %.4f\t%.16f%n", best, sum);
    }
}
