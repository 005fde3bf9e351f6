package io.mist.estimators.rmi;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;

import java.util.Optional;

/**
 * Plug-in differential entropy of a 1-D or 2-D sample from an equal-width histogram, as the original's
 * {@code histogramdd(..., density=True)}: with {@code c} the count of a sample's cell and {@code v} the cell's
 * volume, the per-sample term is {@code -log(c / (n v))} and {@code H = mean} of it
 * {@code = -sum_cells p log(p / v)}. The cells span each axis's range (the data's min to max unless given).
 */
final class HistogramEntropy {
    /** The entropy and its per-sample terms {@code -log p(y_i)} (which average to it). */
    record Result(double value, double[] terms, int occupiedCells) {
    }

    private HistogramEntropy() {
    }

    /**
     * The histogram entropy of {@code y} with {@code bins} cells per axis over {@code range} (or each axis's
     * data range).
     *
     * @throws IllegalArgumentException if y has more than 2 columns, a value lies outside the given range, or
     *     a column is constant (a feature without spread has no differential entropy)
     */
    static Result estimate(Samples y, int bins, Optional<RmiConfig.Range> range) {
        int n = y.n();
        int d = y.dim();
        if (d > 2) {
            throw Checks.fail("rmi: the histogram entropy takes 1-D or 2-D features, got dy = %d; use entropy=kl", d);
        }
        int[] cell = new int[n];
        double logVolume = 0;
        int stride = 1;
        for (int j = 0; j < d; j++) {
            double[] col = y.column(j);
            double lo;
            double hi;
            if (range.isPresent()) {
                lo = range.get().lo();
                hi = range.get().hi();
                for (int i = 0; i < n; i++) {
                    if (!(col[i] >= lo && col[i] <= hi)) {
                        throw Checks.invalid("range", "feature value %s (row %d, column %d) lies outside range = "
                                + "%s,%s; widen range or leave it empty for the data's range", col[i], i, j, lo, hi);
                    }
                }
            } else {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                for (double v : col) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                if (!(hi > lo)) {
                    throw Checks.fail("rmi: feature column %d is constant (%s); a constant feature has no "
                            + "differential entropy", j, lo);
                }
            }
            double width = (hi - lo) / bins;
            logVolume += Math.log(width);
            for (int i = 0; i < n; i++) {
                int b = (int) Math.floor((col[i] - lo) / width);
                cell[i] += stride * Math.min(bins - 1, Math.max(0, b));
            }
            stride *= bins;
        }
        int[] counts = new int[stride];
        for (int c : cell) {
            counts[c]++;
        }
        int occupied = 0;
        for (int c : counts) {
            occupied += c > 0 ? 1 : 0;
        }
        double[] terms = new double[n];
        double sum = 0;
        double logN = Math.log(n);
        for (int i = 0; i < n; i++) {
            terms[i] = logN + logVolume - Math.log(counts[cell[i]]);
            sum += terms[i];
        }
        return new Result(sum / n, terms, occupied);
    }
}
