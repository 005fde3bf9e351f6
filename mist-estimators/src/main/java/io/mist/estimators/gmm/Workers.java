package io.mist.estimators.gmm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Call-local worker pools: created by one public call, shut down in its {@code finally}. */
final class Workers implements AutoCloseable {
    private final ExecutorService pool;

    /** A pool of {@code threads} daemon threads, or none (inline execution) for one thread. */
    Workers(int threads) {
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mist-gmm-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code f(0..count-1)} in order; results do not depend on scheduling (each task seeds itself). */
    <T> List<T> map(int count, IntFunction<T> f) {
        List<T> out = new ArrayList<>(count);
        if (pool == null || count == 1) {
            for (int i = 0; i < count; i++) {
                out.add(f.apply(i));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int task = i;
            futures.add(pool.submit(() -> f.apply(task)));
        }
        try {
            for (Future<T> fu : futures) {
                out.add(fu.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting Gaussian mixtures", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        } finally {
            for (Future<T> fu : futures) {
                fu.cancel(true);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
