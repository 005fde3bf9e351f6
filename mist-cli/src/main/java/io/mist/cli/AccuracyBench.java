package io.mist.cli;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.internal.Checks;
import io.mist.registry.DataKind;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.TaskSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The runs of {@code mist bench accuracy}: every estimator at its defaults on every task it supports (by its
 * provider's typed {@link EstimatorProvider#supports}), once per seed. Seed {@code i} draws the task's sample
 * and seeds the estimator with {@code baseSeed + i}. A run that throws is recorded as failed with its message;
 * it never stops the others.
 *
 * @param estimators the estimators, in report order
 * @param tasks the tasks, in report order
 * @param n samples per run
 * @param seeds runs per estimator and task
 * @param baseSeed the seed of the first run
 * @param threads runs at a time (each estimator may use more threads of its own)
 */
record AccuracyBench(List<EstimatorProvider> estimators, List<GroundTruthTask> tasks, int n, int seeds,
        long baseSeed, int threads) {
    /** Fewest samples per run. */
    static final int MIN_N = 10;

    /** Validates the configuration against the CLI's flag names. */
    AccuracyBench {
        estimators = List.copyOf(estimators);
        tasks = List.copyOf(tasks);
        if (n < MIN_N) {
            throw Checks.fail("--n must be at least %d, got %d", MIN_N, n);
        }
        Checks.atLeast("--seeds", seeds, 1);
        Checks.atLeast("--threads", threads, 1);
        if (estimators.isEmpty() || tasks.isEmpty()) {
            throw Checks.fail("--estimators and --tasks must each name at least one");
        }
    }

    /**
     * One run.
     *
     * @param estimator the estimator's registered name
     * @param task the task's name
     * @param seed the seed of the sample and of the estimator
     * @param truth the task's exact MI in nats
     * @param estimate the estimate in nats (NaN when the run failed)
     * @param seconds the estimator's wall time
     * @param error why the run failed, or {@code null}
     */
    record Run(String estimator, String task, long seed, double truth, double estimate, double seconds,
            String error) {
        boolean failed() {
            return error != null;
        }
    }

    /** An estimator paired with a task it supports. */
    record Pair(EstimatorProvider estimator, GroundTruthTask task) {
    }

    /** The estimator-task pairs that run, task by task; pairs the provider does not support are left out. */
    List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (GroundTruthTask t : tasks) {
            DataKind kind = t.dataKind();
            for (EstimatorProvider p : estimators) {
                if (p.supports(kind, t.dimX(), t.dimY())) {
                    out.add(new Pair(p, t));
                }
            }
        }
        return out;
    }

    /** Runs every pair once per seed; {@code progress} hears each finished run, in order. */
    List<Run> run(Consumer<Run> progress) {
        List<Pair> pairs = pairs();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            List<Future<Run>> futures = new ArrayList<>();
            List<Run> runs = new ArrayList<>();
            for (Pair pair : pairs) {
                for (int i = 0; i < seeds; i++) {
                    long seed = baseSeed + i;
                    if (pool == null) {
                        Run r = runOne(pair, seed);
                        progress.accept(r);
                        runs.add(r);
                    } else {
                        futures.add(pool.submit(() -> runOne(pair, seed)));
                    }
                }
            }
            for (Future<Run> f : futures) {
                Run r = f.get();
                progress.accept(r);
                runs.add(r);
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private Run runOne(Pair pair, long seed) {
        EstimatorProvider p = pair.estimator();
        GroundTruthTask t = pair.task();
        long t0 = System.nanoTime();
        try {
            TaskSample s = t.sample(n, seed);
            MutualInformationEstimator est = p.create(EstimatorOptions.parse(p.name(), p.options(), Map.of(), seed));
            t0 = System.nanoTime();
            MIEstimate r = est.estimate(s.x(), s.y());
            double secs = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(r.value())) {
                return new Run(p.name(), t.name(), seed, t.trueMutualInformation(), Double.NaN, secs,
                        "non-finite estimate " + r.value());
            }
            return new Run(p.name(), t.name(), seed, t.trueMutualInformation(), r.value(), secs, null);
        } catch (RuntimeException | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Run(p.name(), t.name(), seed, t.trueMutualInformation(), Double.NaN,
                    (System.nanoTime() - t0) / 1e9, why.lines().findFirst().orElse(why));
        }
    }
}
