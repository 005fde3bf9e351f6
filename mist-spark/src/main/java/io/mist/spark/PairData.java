package io.mist.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        double[] sx = new double[x.length];
        double[] sy = new double[y.length];
        for (int i = 0; i < order.length; i++) {
            sx[i] = x[order[i]];
            sy[i] = y[order[i]];
        }
        return new PairData(sx, sy, dropped);
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
