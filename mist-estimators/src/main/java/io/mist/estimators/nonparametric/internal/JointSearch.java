package io.mist.estimators.nonparametric.internal;

/**
 * Exact k-nearest-neighbour search under the maximum norm among the points of one data set. Queries are
 * addressed by position in the structure's own (spatially coherent) order; iterating positions in order
 * keeps memory access local.
 */
public interface JointSearch {
    /** Number of points. */
    int size();

    /** A searcher for {@code k} neighbours with its own scratch space; use one per thread. */
    Cursor cursor(int k);

    /**
     * The best structure for the dimension: a grid over ranks ({@link RankGrid}) in two dimensions, a k-d
     * tree otherwise.
     *
     * @param rowMajor {@code [n, d]} coordinates (not copied; must not change afterwards)
     */
    static JointSearch of(double[] rowMajor, int n, int d) {
        return d == 2 ? RankGrid.build(rowMajor, n) : KdTree.build(rowMajor, n, d, KdTree.SEARCH_LEAF_SIZE);
    }

    /**
     * {@code k}, checked to be in {@code [1, n - 1]} (a search for k other points among n).
     *
     * @throws IllegalArgumentException otherwise
     */
    static int checkK(int k, int n) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " must be in [1, n - 1] with n = " + n);
        }
        return k;
    }

    /** A k-NN searcher; not thread-safe; allocation-free per query. */
    interface Cursor {
        /**
         * Finds the k nearest other points of the point at position {@code p}.
         *
         * @return the max-norm distance to the k-th nearest neighbour
         */
        double search(int p);

        /** The original index of the point at position {@code p}. */
        int originalIndex(int p);

        /**
         * The largest max-norm distance, over the given coordinate columns, between the last query point and
         * its k neighbours (the per-subspace radius of KSG algorithm 2).
         */
        double neighbourhoodExtent(int[] cols);
    }
}
