package io.mist.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The two columns of one pair, gathered from the chunks of every partition into one place: rows with a
 * missing value in either column (null, NaN or infinite) dropped and counted, labels coded {@code 0, 1, ...} in
 * sorted order, and the rows put in canonical order (by x, then y). A DataFrame has no row order that survives
 * repartitioning, so the canonical order is what makes an estimate (its seeded tie-breaking noise, its
 * permutations) independent of how the rows were partitioned. Immutable.
 *
 * @param x the x values, canonical order
 * @param y the y values, same rows
 * @param dropped rows dropped for a missing value
 */
record PairData(double[] x, double[] y, int dropped) {

    /** Gathers the chunks {@code [x, y]} of one pair (any order of partitions). */
    static PairData gather(Iterable<ColumnChunk[]> chunks) {
        List<ColumnChunk> xs = new ArrayList<>();
        List<ColumnChunk> ys = new ArrayList<>();
        for (ColumnChunk[] c : chunks) {
            xs.add(c[0]);
            ys.add(c[1]);
        }
        double[] x = values(xs);
        double[] y = values(ys);
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                x[kept] = x[i];
                y[kept] = y[i];
                kept++;
            }
        }
        return canonical(Arrays.copyOf(x, kept), Arrays.copyOf(y, kept), x.length - kept);
    }

    /** The rows {@code (x[i], y[i])} sorted by x, then y (-0.0 before 0.0, as {@link Double#compare}). */
    static PairData canonical(double[] x, double[] y, int dropped) {
        int[] order = order(x, y);
        double[] sx = new double[x.length];
        double[] sy = new double[y.length];
        for (int i = 0; i < order.length; i++) {
            sx[i] = x[order[i]];
            sy[i] = y[order[i]];
        }
        return new PairData(sx, sy, dropped);
    }

    /**
     * The permutation that sorts the rows by x, then y: a stable least-significant-digit radix sort (16-bit
     * digits) by y, then by x, of the values' bits mapped to order-preserving unsigned keys. Linear in n; a
     * digit that is the same for every row is skipped.
     */
    static int[] order(double[] x, double[] y) {
        int n = x.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n < 2) {
            return idx;
        }
        int[] buf = new int[n];
        int[] count = new int[(1 << 16) + 1];
        for (long[] key : new long[][] {keys(y), keys(x)}) {
            for (int shift = 0; shift < 64; shift += 16) {
                Arrays.fill(count, 0);
                for (int i = 0; i < n; i++) {
                    count[(int) ((key[idx[i]] >>> shift) & 0xFFFF) + 1]++;
                }
                if (count[(int) ((key[idx[0]] >>> shift) & 0xFFFF) + 1] == n) {
                    continue; // every row has this digit: the pass would not move anything
                }
                for (int d = 1; d < count.length; d++) {
                    count[d] += count[d - 1];
                }
                for (int i = 0; i < n; i++) {
                    buf[count[(int) ((key[idx[i]] >>> shift) & 0xFFFF)]++] = idx[i];
                }
                int[] t = idx;
                idx = buf;
                buf = t;
            }
        }
        return idx;
    }

    /** Unsigned keys in the order of {@link Double#compare} (for values that are not NaN). */
    private static long[] keys(double[] v) {
        long[] k = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            long b = Double.doubleToLongBits(v[i]);
            k[i] = (b ^ ((b >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
        }
        return k;
    }

    /** One column from its chunks: numbers as they are, labels as codes (missing as NaN). */
    private static double[] values(List<ColumnChunk> chunks) {
        int n = chunks.stream().mapToInt(ColumnChunk::size).sum();
        double[] out = new double[n];
        if (!chunks.isEmpty() && chunks.get(0).categorical()) {
            TreeSet<String> labels = new TreeSet<>();
            for (ColumnChunk c : chunks) {
                for (String s : c.labels()) {
                    if (s != null) {
                        labels.add(s);
                    }
                }
            }
            List<String> sorted = new ArrayList<>(labels);
            int at = 0;
            for (ColumnChunk c : chunks) {
                for (String s : c.labels()) {
                    out[at++] = s == null ? Double.NaN : Collections.binarySearch(sorted, s);
                }
            }
            return out;
        }
        int at = 0;
        for (ColumnChunk c : chunks) {
            System.arraycopy(c.numbers(), 0, out, at, c.size());
            at += c.size();
        }
        return out;
    }
}
