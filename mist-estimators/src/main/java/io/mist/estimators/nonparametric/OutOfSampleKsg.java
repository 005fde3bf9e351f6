package io.mist.estimators.nonparametric;

import io.mist.core.internal.Parallel;

/**
 * The search behind {@link KsgEstimator#outOfSamplePointwise}: for each query row, the max-norm distances to
 * every reference row in x and in y, the k-th smallest joint distance, and the marginal counts strictly inside
 * it. Exact, {@code O(m n (dx + dy))} for {@code m} queries against {@code n} reference rows, parallel over the
 * queries with two scratch rows of distances per worker; no neighbour structure is built.
 */
final class OutOfSampleKsg {
    private OutOfSampleKsg() {
    }

    /**
     * The out-of-sample KSG (algorithm 1) terms of the query rows.
     *
     * @param refX row-major {@code [n, dx]} reference x (prepared as the fit prepared it)
     * @param refY row-major {@code [n, dy]} reference y
     * @param qx row-major {@code [m, dx]} query x, in the reference's units
     * @param qy row-major {@code [m, dy]} query y
     * @return one term per query, and in {@code zeroRadius[0]} how many queries had their k-th neighbour at
     *     distance 0
     */
    static double[] pointwise(double[] refX, double[] refY, int n, int dx, int dy, double[] qx, double[] qy, int m,
            int k, int threads, int[] zeroRadius) {
        double[] out = new double[m];
        double psiK = KnnData.digamma(k);
        double psiN = KnnData.digamma(n);
        int[] zeros = new int[m];
        Parallel.forRange(m, threads, (from, to) -> {
            double[] ddx = new double[n];
            double[] ddy = new double[n];
            double[] best = new double[k];
            for (int q = from; q < to; q++) {
                java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
                for (int j = 0; j < n; j++) {
                    double a = maxAbs(refX, j * dx, qx, q * dx, dx);
                    double b = maxAbs(refY, j * dy, qy, q * dy, dy);
                    ddx[j] = a;
                    ddy[j] = b;
                    double d = Math.max(a, b);
                    if (d < best[k - 1]) {
                        int p = k - 1;
                        while (p > 0 && best[p - 1] > d) {
                            best[p] = best[p - 1];
                            p--;
                        }
                        best[p] = d;
                    }
                }
                double eps = best[k - 1];
                if (eps == 0) {
                    zeros[q] = 1;
                }
                int nx = 0;
                int ny = 0;
                for (int j = 0; j < n; j++) {
                    nx += ddx[j] < eps ? 1 : 0;
                    ny += ddy[j] < eps ? 1 : 0;
                }
                out[q] = KnnData.ksgTerm(true, k, psiK, psiN, nx, ny);
            }
        });
        int z = 0;
        for (int v : zeros) {
            z += v;
        }
        zeroRadius[0] = z;
        return out;
    }

    private static double maxAbs(double[] a, int ia, double[] b, int ib, int d) {
        double m = 0;
        for (int c = 0; c < d; c++) {
            m = Math.max(m, Math.abs(a[ia + c] - b[ib + c]));
        }
        return m;
    }
}
