package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Row indices for cyclic shifts: entry {@code r * B + i} is {@code (i + shifts[r]) mod B}. */
final class Shifts {
    private Shifts() {
    }

    static NDArray index(NDManager m, int[] shifts, int b) {
        long[] idx = new long[shifts.length * b];
        for (int r = 0; r < shifts.length; r++) {
            int s = Math.floorMod(shifts[r], b);
            for (int i = 0; i < b; i++) {
                int j = i + s;
                idx[r * b + i] = j >= b ? j - b : j;
            }
        }
        return m.create(idx);
    }
}
