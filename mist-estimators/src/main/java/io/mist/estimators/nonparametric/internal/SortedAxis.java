package io.mist.estimators.nonparametric.internal;

import java.util.Arrays;

/**
 * One-dimensional neighbour counts without enumeration: the values sorted once ({@code O(n log n)}), each
 * count found by galloping (exponential then binary) search outwards from the query's own rank, which costs
 * {@code O(log m)} for a count of {@code m} and touches only nearby memory.
 */
public final class SortedAxis implements NeighborCounter {
    /** Half-width, in ranks, of the window that estimates the local density for the first probe. */
    private static final int WINDOW = 512;

    private final double[] values;
    private final double[] sorted;
    private final int[] rank;

    private SortedAxis(double[] values, double[] sorted, int[] rank) {
        this.values = values;
        this.sorted = sorted;
        this.rank = rank;
    }

    /** Sorts {@code values} (not copied or modified: must not change afterwards). */
    public static SortedAxis of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = orderedBits(values[i]);
        }
        int[] order = sortIndices(keys);
        // the sorted values decoded from the sorted keys (sequential reads; -0.0 comes back as 0.0, which
        // no difference or comparison can tell apart)
        double[] sorted = new double[n];
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            sorted[r] = fromOrderedBits(keys[r]);
            rank[order[r]] = r;
        }
        return new SortedAxis(values, sorted, rank);
    }

    /** Number of values. */
    int size() {
        return sorted.length;
    }

    /** The values in their original order (the array given to {@link #of}, shared). */
    double[] values() {
        return values;
    }

    /** The rank (position in {@link #sorted()}) of the value with original index {@code i}. */
    int rank(int i) {
        return rank[i];
    }

    /** The values in ascending order (shared, do not modify). */
    double[] sorted() {
        return sorted;
    }

    @Override
    public int count(int i, double radius, boolean strict) {
        return countAt(rank[i], radius, strict);
    }

    /**
     * The number of other values within {@code radius} of the value of rank {@code r} (strictly closer, or
     * at most {@code radius} away when not {@code strict}).
     */
    public int countAt(int r, double radius, boolean strict) {
        // d <= radius  <=>  d < nextUp(radius) for finite doubles: one strict test serves both cases
        double limit = strict ? radius : Math.nextUp(radius);
        double[] a = sorted;
        int n = a.length;
        // expected count on each side from the local density over +-WINDOW ranks (two independent loads)
        int wl = Math.max(0, r - WINDOW);
        int wh = Math.min(n - 1, r + WINDOW);
        double span = a[wh] - a[wl];
        double expected = span > 0 ? limit * (wh - wl) / span : n;
        int guess = expected < n ? (int) expected : n;
        long step = 8 + (guess >>> 4);
        return above(r, limit, guess, step) + below(r, limit, guess, step);
    }

    /**
     * Values above rank r (positions r+1, r+2, ...) at distance below {@code limit}: a bracket found by
     * galloping from the guessed answer {@code r + guess} in steps from {@code step}, then a branch-free
     * binary search inside it.
     */
    private int above(int r, double limit, int guess, long step) {
        double[] a = sorted;
        int n = a.length;
        double v = a[r];
        int lo; // inside (or r itself)
        int hi; // outside (or n)
        int g = (int) Math.min((long) r + guess, n - 1L);
        if (g == r || a[g] - v < limit) {
            lo = g;
            hi = n;
            for (long t = (long) g + step; t < n; t = lo + (step <<= 1)) {
                if (a[(int) t] - v < limit) {
                    lo = (int) t;
                } else {
                    hi = (int) t;
                    break;
                }
            }
        } else {
            hi = g;
            lo = r;
            for (long t = (long) g - step; t > r; t = hi - (step <<= 1)) {
                if (a[(int) t] - v < limit) {
                    lo = (int) t;
                    break;
                }
                hi = (int) t;
            }
        }
        int len = hi - lo;
        while (len > 1) {
            int half = len >>> 1;
            lo = a[lo + half] - v < limit ? lo + half : lo;
            len -= half;
        }
        return lo - r;
    }

    /** Values below rank r at distance below {@code limit}: the mirror image of {@link #above}. */
    private int below(int r, double limit, int guess, long step) {
        double[] a = sorted;
        double v = a[r];
        int hi; // inside (or r itself)
        int lo; // outside (or -1)
        int g = (int) Math.max((long) r - guess, 0L);
        if (g == r || v - a[g] < limit) {
            hi = g;
            lo = -1;
            for (long t = (long) g - step; t >= 0; t = hi - (step <<= 1)) {
                if (v - a[(int) t] < limit) {
                    hi = (int) t;
                } else {
                    lo = (int) t;
                    break;
                }
            }
        } else {
            lo = g;
            hi = r;
            for (long t = (long) g + step; t < r; t = lo + (step <<= 1)) {
                if (v - a[(int) t] < limit) {
                    hi = (int) t;
                    break;
                }
                lo = (int) t;
            }
        }
        int len = hi - lo;
        while (len > 1) {
            int half = len >>> 1;
            hi = v - a[hi - half] < limit ? hi - half : hi;
            len -= half;
        }
        return r - hi;
    }

    /** A long whose signed order is the numeric order of {@code v} (for finite v, -0.0 == 0.0). */
    private static long orderedBits(double v) {
        long b = Double.doubleToLongBits(v + 0.0);
        return b < 0 ? b ^ Long.MAX_VALUE : b;
    }

    /** The value whose {@link #orderedBits} are {@code key} (the map is its own inverse on the bits). */
    private static double fromOrderedBits(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MAX_VALUE : key);
    }

    /**
     * Indices sorting {@code keys} ascending (stable), and {@code keys} itself sorted in place. Small inputs
     * use a comparison sort; larger ones an LSD radix sort on 16-bit digits that moves each key with its
     * index (sequential reads), computes the digit histograms in one pass and skips digits that all keys
     * share. Only the two high digits are sorted first: continuous data is then nearly sorted, and a stable
     * insertion pass finishes the job; if that pass needs more than {@code n} moves (clustered values), the
     * full four-digit sort runs on the result (stable, so ties keep their original order either way).
     */
    static int[] sortIndices(long[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        if (n < 1024) {
            long[] original = keys.clone();
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Long.compare(original[a], original[b]));
            for (int i = 0; i < n; i++) {
                idx[i] = boxed[i];
                keys[i] = original[idx[i]];
            }
            return idx;
        }
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long[] k1 = new long[n];
        int[] i1 = new int[n];
        radix(keys, idx, k1, i1, 2);
        if (!insertionSort(keys, idx, n)) {
            radix(keys, idx, k1, i1, 0);
        }
        return idx;
    }

    /**
     * Stable LSD radix sort of {@code keys} (with {@code idx} moved alongside) on the 16-bit digits from
     * {@code first} to 3, using {@code k1} and {@code i1} as scratch; the result is left in place.
     */
    private static void radix(long[] keys, int[] idx, long[] k1, int[] i1, int first) {
        int n = keys.length;
        int passes = 4 - first;
        int[] counts = new int[passes << 16];
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            for (int pass = first; pass < 4; pass++) {
                counts[((pass - first) << 16) + digit(key, pass)]++;
            }
        }
        long[] k0 = keys;
        int[] i0 = idx;
        for (int pass = first; pass < 4; pass++) {
            int base = (pass - first) << 16;
            if (counts[base + digit(k0[0], pass)] == n) {
                continue; // every key has this digit
            }
            int sum = 0;
            for (int b = base; b < base + (1 << 16); b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = k0[i];
                int to = counts[base + digit(key, pass)]++;
                k1[to] = key;
                i1[to] = i0[i];
            }
            long[] tk = k0;
            k0 = k1;
            k1 = tk;
            int[] ti = i0;
            i0 = i1;
            i1 = ti;
        }
        if (k0 != keys) {
            System.arraycopy(k0, 0, keys, 0, n);
            System.arraycopy(i0, 0, idx, 0, n);
        }
    }

    /**
     * Stable insertion sort of {@code keys} (with {@code idx}); gives up, leaving a permutation in which
     * equal keys keep their order, once more than {@code budget} moves have been made.
     *
     * @return whether the keys are sorted
     */
    private static boolean insertionSort(long[] keys, int[] idx, long budget) {
        long moves = 0;
        for (int i = 1; i < keys.length; i++) {
            long key = keys[i];
            if (keys[i - 1] <= key) {
                continue;
            }
            int id = idx[i];
            int j = i;
            do {
                keys[j] = keys[j - 1];
                idx[j] = idx[j - 1];
                j--;
            } while (j > 0 && keys[j - 1] > key);
            keys[j] = key;
            idx[j] = id;
            moves += i - j;
            if (moves > budget) {
                return false;
            }
        }
        return true;
    }

    private static int digit(long key, int pass) {
        int d = (int) ((key >>> (pass << 4)) & 0xFFFF);
        return pass == 3 ? d ^ 0x8000 : d; // the top digit carries the sign
    }
}
