package io.mist.estimators.quantized;

import io.mist.core.Quantizer;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;

import java.util.Arrays;

/**
 * A product of per-column bins: column {@code j} is cut into {@code b_j} intervals and the bin of a row is the
 * mixed-radix number of its column bins, {@code Q(v) = sum_j q_j(v_j) prod_{l < j} b_l}, so there are
 * {@code prod_j b_j} bins. Two rules for the cuts, fitted on the data:
 * <ul>
 * <li><b>equal width</b>: {@code b} intervals of width {@code (max - min) / b};
 * {@code q(v) = floor((v - min) / width)}, clamped to {@code [0, b - 1]} (a constant column has one bin);</li>
 * <li><b>quantile</b> (equal frequency): the edges are the order statistics {@code s_(floor(e n / b))},
 * {@code e = 1 .. b - 1}, of the sorted column {@code s}; {@code q(v)} is the number of edges {@code <= v}, so
 * equal values always share a bin (with many ties some bins are empty).</li>
 * </ul>
 * Values outside the fitted range fall into the first or last interval. Immutable.
 */
public final class GridQuantizer implements Quantizer {
    private final double[][] edges;
    private final double[] lo;
    private final double[] width;
    private final int[] counts;
    private final int total;

    private GridQuantizer(double[][] edges, double[] lo, double[] width, int[] counts) {
        this.edges = edges;
        this.lo = lo;
        this.width = width;
        this.counts = counts;
        long t = 1;
        for (int b : counts) {
            t *= b;
            if (t > Integer.MAX_VALUE) {
                throw Checks.invalid("n_bins", "%d bins in each of %d columns make more than %d cells; use fewer "
                        + "n_bins or quantization=kmeans", counts[0], counts.length, Integer.MAX_VALUE);
            }
        }
        this.total = (int) t;
    }

    /** Equal-width bins, {@code bins} per column of {@code s}. */
    public static GridQuantizer equalWidth(Samples s, int bins) {
        Checks.notNull("samples", s);
        Checks.atLeast("n_bins", bins, 1);
        int d = s.dim();
        double[] lo = new double[d];
        double[] width = new double[d];
        int[] counts = new int[d];
        for (int j = 0; j < d; j++) {
            double[] col = s.column(j);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : col) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            lo[j] = min;
            width[j] = (max - min) / bins;
            counts[j] = width[j] > 0 ? bins : 1;
        }
        return new GridQuantizer(null, lo, width, counts);
    }

    /** Equal-frequency bins, {@code bins} per column of {@code s}. */
    public static GridQuantizer quantile(Samples s, int bins) {
        Checks.notNull("samples", s);
        Checks.atLeast("n_bins", bins, 1);
        int d = s.dim();
        double[][] edges = new double[d][];
        int[] counts = new int[d];
        for (int j = 0; j < d; j++) {
            edges[j] = quantileEdges(s.column(j), bins);
            counts[j] = bins;
        }
        return new GridQuantizer(edges, null, null, counts);
    }

    /** The {@code bins - 1} quantile edges of {@code col}: {@code sorted[floor(e n / bins)]}. */
    static double[] quantileEdges(double[] col, int bins) {
        double[] s = col.clone();
        Arrays.sort(s);
        int n = s.length;
        double[] e = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            e[k - 1] = s[(int) ((long) k * n / bins)];
        }
        return e;
    }

    /** The bin of {@code v} in column {@code j}. */
    int columnBin(int j, double v) {
        if (edges != null) {
            double[] e = edges[j];
            int a = 0;
            int b = e.length;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (e[mid] <= v) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            return a;
        }
        if (!(width[j] > 0)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(counts[j] - 1, Math.floor((v - lo[j]) / width[j])));
    }

    /** Bins per column (a copy). */
    public int[] binsPerColumn() {
        return counts.clone();
    }

    @Override
    public int bins() {
        return total;
    }

    @Override
    public int dim() {
        return counts.length;
    }

    @Override
    public int index(double[] row) {
        if (row.length != counts.length) {
            throw Checks.fail("the quantizer was fitted on rows of dimension %d, got %d", counts.length, row.length);
        }
        int code = 0;
        int radix = 1;
        for (int j = 0; j < row.length; j++) {
            code += radix * columnBin(j, row[j]);
            radix *= counts[j];
        }
        return code;
    }
}
