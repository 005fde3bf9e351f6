package io.mist.estimators.nonparametric.internal;

/**
 * Counts, for a point of the data set, the other points within a max-norm radius. Implementations are
 * immutable and safe to query from several threads.
 */
public interface NeighborCounter {
    /**
     * The number of points {@code j != i} with {@code max_d |p_j - p_i| < radius} ({@code strict}) or
     * {@code <= radius} (not strict).
     *
     * @param i the query point's index in the original data order
     */
    int count(int i, double radius, boolean strict);

    /**
     * The original index of the {@code p}-th query in an order in which successive queries are close, so
     * that a run of counts reuses the same part of the structure (the identity unless overridden).
     */
    default int queryOrder(int p) {
        return p;
    }

    /**
     * A counter suited to the dimension: a sorted axis for one column, a k-d tree with subtree counts
     * otherwise.
     *
     * @param rowMajor {@code [n, d]} coordinates, row-major (not copied; must not change afterwards)
     */
    static NeighborCounter of(double[] rowMajor, int n, int d) {
        return d == 1 ? SortedAxis.of(rowMajor) : KdTree.build(rowMajor, n, d);
    }
}
