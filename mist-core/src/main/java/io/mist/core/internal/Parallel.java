package io.mist.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Call-local parallelism: a pool of daemon threads created by one call and shut down before that call
 * returns, either around one loop ({@link #forRange}, {@link #forTasks}, {@link #mapToDouble}) or, for
 * several loops of one call, as a resource ({@code try (Parallel p = Parallel.open(threads)) { p.map(...);
 * }}). With one thread (or one task) the work runs on the calling thread and no pool is made.
 *
 * <p><b>Failures.</b> Results come back in task order and do not depend on scheduling. If tasks fail, the
 * failure of the failing task with the lowest index is rethrown on the calling thread unchanged, whether it
 * is a {@link RuntimeException} or an {@link Error} (an {@code OutOfMemoryError} or {@code AssertionError}
 * is never wrapped); the other tasks are cancelled. An interrupt of the calling thread cancels the tasks,
 * keeps the interrupt flag and throws {@link IllegalStateException}.
 */
public final class Parallel implements AutoCloseable {
    /** Below this many items {@link #forRange} runs on the calling thread. */
    public static final int SERIAL_BELOW = 4096;

    private static final String THREAD_NAME = "mist-worker";

    private final ExecutorService pool;

    private Parallel(int threads) {
        Checks.atLeast("threads", threads, 1);
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A pool of {@code threads} threads for the caller's scope; close it in {@code finally} (or
     * try-with-resources).
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Parallel open(int threads) {
        return new Parallel(threads);
    }

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /** Processes indices {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** {@code task(0..count-1)} on this pool, results in task order. */
    public <T> List<T> map(int count, IntFunction<T> task) {
        List<T> out = new ArrayList<>(count);
        if (pool == null || count <= 1) {
            for (int i = 0; i < count; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int t = i;
                futures.add(pool.submit(() -> task.apply(t)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for parallel tasks", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            for (Future<T> f : futures) {
                f.cancel(true);
            }
        }
    }

    /** Shuts the pool down (running tasks are interrupted). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** {@code task(0..count-1)} on up to {@code threads} threads of a pool local to this call. */
    public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
        try (Parallel p = open(Math.max(1, Math.min(threads, count)))) {
            return p.map(count, task);
        }
    }

    /** {@code task(0..count-1)} on up to {@code threads} threads, results in task order. */
    public static double[] mapToDouble(int count, int threads, IntToDoubleFunction task) {
        Checks.atLeast("threads", threads, 1);
        List<Double> values = map(count, threads, task::applyAsDouble);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Runs {@code task.accept(t)} for {@code t = 0..count-1} on up to {@code threads} threads. */
    public static void forTasks(int count, int threads, IntConsumer task) {
        Checks.atLeast("threads", threads, 1);
        map(count, threads, t -> {
            task.accept(t);
            return null;
        });
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into contiguous chunks on {@code threads} threads (on the
     * calling thread below {@link #SERIAL_BELOW} items).
     */
    public static void forRange(int n, int threads, RangeTask task) {
        Checks.atLeast("threads", threads, 1);
        if (threads == 1 || n < SERIAL_BELOW) {
            task.run(0, n);
            return;
        }
        int chunks = Math.min(n / 1024 + 1, threads * 16);
        forTasks(chunks, threads, c -> task.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }
}
