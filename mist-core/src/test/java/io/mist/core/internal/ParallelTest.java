package io.mist.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void resultsComeBackInTaskOrder() {
        double[] v = Parallel.mapToDouble(50, 4, i -> i * 0.5);
        for (int i = 0; i < 50; i++) {
            assertEquals(i * 0.5, v[i]);
        }
        try (Parallel p = Parallel.open(3)) {
            assertEquals(List.of(0, 1, 4, 9), p.map(4, i -> i * i));
            assertEquals(List.of(1, 2), p.map(2, i -> i + 1));
        }
    }

    @Test
    void forRangeCoversEveryIndexOnce() {
        int n = 100_000;
        AtomicIntegerArray hits = new AtomicIntegerArray(n);
        Parallel.forRange(n, 3, (from, to) -> {
            for (int i = from; i < to; i++) {
                hits.incrementAndGet(i);
            }
        });
        int[] seen = new int[n];
        int[] ones = new int[n];
        for (int i = 0; i < n; i++) {
            seen[i] = hits.get(i);
            ones[i] = 1;
        }
        assertArrayEquals(ones, seen);
    }

    @Test
    void oneThreadRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Parallel.forTasks(3, 1, t -> assertSame(caller, Thread.currentThread()));
    }

    @Test
    void aRuntimeExceptionIsRethrownUnchangedFromTheLowestFailingTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallel.forTasks(8, 4, t -> {
                    if (t == 5 || t == 2) {
                        throw new IllegalArgumentException("task " + t);
                    }
                }));
        assertEquals("task 2", e.getMessage());
    }

    @Test
    void anErrorIsRethrownUnwrapped() {
        AssertionError e = assertThrows(AssertionError.class, () -> Parallel.mapToDouble(4, 2, t -> {
            throw new AssertionError("boom " + t);
        }));
        assertEquals("boom 0", e.getMessage());
    }

    @Test
    void badThreadCountsFail() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.open(0));
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(10, 0, (a, b) -> { }));
    }
}
