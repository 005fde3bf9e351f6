package io.mist.estimators.nonparametric.neighbors;

import java.util.Arrays;

/**
 * One-dimensional neighbour counts without enumeration: the values sorted once ({@code O(n log n)}), each
 * count found by galloping (exponential then binary) search outwards from the query's own rank, which costs
 * {@code O(log m)} for a count of {@code m} and touches only nearby memory.
 */
public final class SortedAxis implements NeighborCounter {
    private final double[] sorted;
    private final int[] rank;

    private SortedAxis(double[] sorted, int[] rank) {
        this.sorted = sorted;
        this.rank = rank;
    }

    /** Sorts {@code values} (not modified). */
    public static SortedAxis of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = orderedBits(values[i]);
        }
        int[] order = sortIndices(keys);
        double[] sorted = new double[n];
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            sorted[r] = values[order[r]];
            rank[order[r]] = r;
        }
        return new SortedAxis(sorted, rank);
    }

    /** The values in ascending order (shared, do not modify). */
    double[] sorted() {
        return sorted;
    }

    @Override
    public int count(int i, double radius, boolean strict) {
        int r = rank[i];
        double v = sorted[r];
        int n = sorted.length;
        // upper end: first index above r whose distance is outside the radius
        int lo = r;
        int step = 1;
        int hi = r + 1;
        while (hi < n && inside(sorted[hi] - v, radius, strict)) {
            lo = hi;
            step <<= 1;
            hi = r + step;
        }
        if (hi > n) {
            hi = n;
        }
        // invariant: lo inside (or r), hi outside or n
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (inside(sorted[mid] - v, radius, strict)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int above = lo - r;
        // lower end
        int up = r;
        step = 1;
        int down = r - 1;
        while (down >= 0 && inside(v - sorted[down], radius, strict)) {
            up = down;
            step <<= 1;
            down = r - step;
        }
        if (down < -1) {
            down = -1;
        }
        while (up - down > 1) {
            int mid = (up + down) >>> 1;
            if (inside(v - sorted[mid], radius, strict)) {
                up = mid;
            } else {
                down = mid;
            }
        }
        int below = r - up;
        return above + below;
    }

    private static boolean inside(double distance, double radius, boolean strict) {
        return strict ? distance < radius : distance <= radius;
    }

    /** A long whose signed order is the numeric order of {@code v} (for finite v, -0.0 == 0.0). */
    private static long orderedBits(double v) {
        long b = Double.doubleToLongBits(v + 0.0);
        return b < 0 ? b ^ Long.MAX_VALUE : b;
    }

    /** Indices sorting {@code keys} ascending (LSD radix sort on 16-bit digits, stable). */
    static int[] sortIndices(long[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        int[] tmp = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n < 1024) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
            for (int i = 0; i < n; i++) {
                idx[i] = boxed[i];
            }
            return idx;
        }
        int[] counts = new int[1 << 16];
        for (int pass = 0; pass < 4; pass++) {
            int shift = pass * 16;
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[digit(keys[idx[i]], shift, pass)]++;
            }
            int sum = 0;
            for (int b = 0; b < counts.length; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int id = idx[i];
                tmp[counts[digit(keys[id], shift, pass)]++] = id;
            }
            int[] t = idx;
            idx = tmp;
            tmp = t;
        }
        return idx;
    }

    private static int digit(long key, int shift, int pass) {
        int d = (int) ((key >>> shift) & 0xFFFF);
        return pass == 3 ? d ^ 0x8000 : d; // the top digit carries the sign
    }
}
