package io.mist.core;

import io.mist.core.internal.Checks;

/**
 * A quantizer {@code Q: R^d -> {0, ..., k - 1}}: a fixed map from an observation to the index of its bin
 * (cell). Quantized estimators apply one to x or y and estimate the information of the bin indices, which by
 * the data-processing inequality is at most that of the values: {@code I(Q(X); Q'(Y)) <= I(X; Y)}.
 *
 * <p>Implementations are fitted once on data (bin edges, cluster centres) and are then immutable and
 * thread-safe; every row maps to a bin, including rows outside the range of the data they were fitted on
 * (clamped to the nearest bin).
 */
public interface Quantizer {
    /** The number of bins {@code k}; indices lie in {@code [0, k)}. */
    int bins();

    /** The dimension {@code d} of the rows it maps. */
    int dim();

    /** The bin of {@code row} ({@code d} values). */
    int index(double[] row);

    /**
     * The bin of every row of {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} has another dimension than {@link #dim()}
     */
    default int[] indices(Samples s) {
        Checks.notNull("samples", s);
        if (s.dim() != dim()) {
            throw Checks.fail("the quantizer was fitted on rows of dimension %d, got %d", dim(), s.dim());
        }
        int[] out = new int[s.n()];
        for (int i = 0; i < out.length; i++) {
            out[i] = index(s.row(i));
        }
        return out;
    }
}
