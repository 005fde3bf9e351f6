package io.mist.estimators.nonparametric.neighbors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A parallel loop over index ranges on a thread pool created for the call and shut down before it returns. */
public final class Parallel {
    /** Below this many items a loop runs on the calling thread. */
    public static final int SERIAL_BELOW = 4096;

    private Parallel() {
    }

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /** Processes indices {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** Runs {@code task.accept(t)} for {@code t = 0..count-1} on up to {@code threads} threads. */
    public static void forTasks(int count, int threads, java.util.function.IntConsumer task) {
        if (threads == 1 || count == 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        run(count, Math.min(threads, count), c -> task.accept(c));
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into contiguous chunks on {@code threads} threads.
     * Exceptions thrown by a chunk are rethrown here.
     */
    public static void forRange(int n, int threads, RangeTask task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (threads == 1 || n < SERIAL_BELOW) {
            task.run(0, n);
            return;
        }
        int chunks = Math.min(n / 1024 + 1, threads * 16);
        run(chunks, threads, c -> task.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks)));
    }

    private static void run(int chunks, int threads, java.util.function.IntConsumer chunk) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mist-knn");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int cc = c;
                futures.add(pool.submit(() -> chunk.accept(cc)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a neighbour search", e);
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
            pool.shutdownNow();
        }
    }
}
