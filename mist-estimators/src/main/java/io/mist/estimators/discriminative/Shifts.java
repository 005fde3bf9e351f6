package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.HashMap;
import java.util.Map;

/**
 * Row indices for cyclic shifts: entry {@code r * B + i} is {@code (i + shifts[r]) mod B}; and the index
 * table that picks the off-diagonal entries of a {@code B x B} score matrix column by column.
 */
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

    /**
     * {@code [B - 1, B]} with entry {@code (r, i) = (i + r + 1) mod B}: gathering a {@code [B, B]} matrix
     * along axis 0 with it keeps, in column {@code i}, every row but {@code i}.
     */
    static NDArray offDiagonal(NDManager m, int b) {
        long[] idx = new long[(b - 1) * b];
        for (int r = 0; r < b - 1; r++) {
            for (int i = 0; i < b; i++) {
                idx[r * b + i] = (i + r + 1) % b;
            }
        }
        return m.create(idx, new Shape(b - 1, b));
    }

    /**
     * Index arrays reused across steps, in a manager that outlives them: shift sets of one or two shifts (at
     * most {@code B} distinct ones per batch size, e.g. the positive and one random negative), all shifts,
     * and the off-diagonal table. Other shift sets (random subsets) are made per call in the caller's
     * manager. Not thread-safe.
     */
    static final class Cache {
        private final NDManager manager;
        private final Map<String, NDArray> arrays = new HashMap<>();

        Cache(NDManager manager) {
            this.manager = manager;
        }

        /** The index of {@code shifts} for batch size {@code b}; {@code step} owns uncached ones. */
        NDArray index(NDManager step, int[] shifts, int b) {
            boolean all = shifts.length == b;
            if (shifts.length > 2 && !all) {
                return Shifts.index(step, shifts, b);
            }
            String key = all ? b + "*" : b + ":" + shifts[0] + (shifts.length > 1 ? ":" + shifts[1] : "");
            return arrays.computeIfAbsent(key, k -> Shifts.index(manager, shifts, b));
        }

        /** The identity {@code [B, B]}. */
        NDArray eye(int b) {
            return arrays.computeIfAbsent(b + "I", k -> manager.eye(b));
        }

        /** {@code [B, B]}: {@code -inf} on the diagonal, 0 elsewhere (added, it removes the positives). */
        NDArray diagonalMask(int b) {
            return arrays.computeIfAbsent(b + "M", k -> {
                float[] v = new float[b * b];
                for (int i = 0; i < b; i++) {
                    v[i * b + i] = Float.NEGATIVE_INFINITY;
                }
                return manager.create(v, new Shape(b, b));
            });
        }

        /** {@link Shifts#offDiagonal} for batch size {@code b}. */
        NDArray offDiagonal(int b) {
            return arrays.computeIfAbsent(b + "-", k -> Shifts.offDiagonal(manager, b));
        }
    }
}
