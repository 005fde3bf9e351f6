package io.mist.estimators.nonparametric.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every neighbour structure against brute force on random data: Gaussian, rounded to a few values (many
 * ties) and with duplicated rows (zero distances); k-th neighbour distances, neighbourhood extents and
 * strict and non-strict counts must agree exactly.
 */
class NeighborStructuresTest {
    /** Data kinds: 0 continuous, 1 rounded (ties in every column), 2 continuous with duplicated rows. */
    private static double[] data(Random r, int n, int d, int kind) {
        double[] a = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            double v = r.nextGaussian() * (1 + i % d);
            a[i] = kind == 1 ? Math.rint(v * 2) / 2 : v;
        }
        if (kind == 2) {
            for (int i = 0; i < n / 3; i++) {
                int from = r.nextInt(n);
                int to = r.nextInt(n);
                System.arraycopy(a, from * d, a, to * d, d);
            }
        }
        return a;
    }

    private static double dist(double[] a, int d, int i, int j, int[] cols) {
        double m = 0;
        for (int c : cols) {
            m = Math.max(m, Math.abs(a[i * d + c] - a[j * d + c]));
        }
        return m;
    }

    private static int[] all(int d) {
        int[] c = new int[d];
        for (int j = 0; j < d; j++) {
            c[j] = j;
        }
        return c;
    }

    private static double kth(double[] a, int n, int d, int i, int k) {
        double[] ds = new double[n - 1];
        int[] cols = all(d);
        for (int j = 0, o = 0; j < n; j++) {
            if (j != i) {
                ds[o++] = dist(a, d, i, j, cols);
            }
        }
        Arrays.sort(ds);
        return ds[k - 1];
    }

    private static int bruteCount(double[] a, int n, int d, int i, double radius, boolean strict) {
        int c = 0;
        int[] cols = all(d);
        for (int j = 0; j < n; j++) {
            double t = dist(a, d, i, j, cols);
            if (j != i && (strict ? t < radius : t <= radius)) {
                c++;
            }
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource({"50,1,1,0", "300,2,3,0", "300,2,3,1", "300,2,4,2", "2000,2,3,0", "2000,2,1,1", "6000,2,5,2",
        "400,3,2,0", "400,3,3,1", "500,5,3,2", "1500,10,3,0", "700,4,6,1", "5000,6,3,0"})
    void jointSearchMatchesBruteForce(int n, int d, int k, int kind) {
        Random r = new Random(n * 131L + d * 17L + k * 3L + kind);
        double[] a = data(r, n, d, kind);
        JointSearch search = JointSearch.of(a, n, d);
        JointSearch.Cursor c = search.cursor(k);
        int[] seen = new int[n];
        int[] firstCol = {0};
        for (int p = 0; p < n; p++) {
            double eps = c.search(p);
            int i = c.originalIndex(p);
            seen[i]++;
            assertEquals(kth(a, n, d, i, k), eps, 0.0, "point " + i);
            if (kind == 0) {
                // no ties: the neighbours are unique, so is their extent along column 0
                double[] ds = new double[n - 1];
                int[] idx = new int[n - 1];
                for (int j = 0, o = 0; j < n; j++) {
                    if (j != i) {
                        ds[o] = dist(a, d, i, j, all(d));
                        idx[o++] = j;
                    }
                }
                double ext = 0;
                for (int rnk = 0; rnk < k; rnk++) {
                    int best = -1;
                    for (int o = 0; o < n - 1; o++) {
                        if (ds[o] >= 0 && (best < 0 || ds[o] < ds[best])) {
                            best = o;
                        }
                    }
                    ext = Math.max(ext, dist(a, d, i, idx[best], firstCol));
                    ds[best] = -1;
                }
                assertEquals(ext, c.neighbourhoodExtent(firstCol), 0.0, "extent of point " + i);
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen[i], "every point is queried once");
        }
    }

    @ParameterizedTest
    @CsvSource({"50,1,0", "3000,1,0", "3000,1,1", "3000,1,2", "400,2,0", "400,2,1", "2000,3,2", "1500,5,0",
        "1500,5,1", "800,8,2", "300,65,0", "300,64,1"})
    void countersMatchBruteForce(int n, int d, int kind) {
        Random r = new Random(n * 7L + d * 11L + kind);
        double[] a = data(r, n, d, kind);
        NeighborCounter counter = NeighborCounter.of(a, n, d);
        for (int i = 0; i < n; i++) {
            // radii: 0, an existing distance (boundary case) and random ones
            int j = r.nextInt(n);
            double[] radii = {0.0, dist(a, d, i, j, all(d)), r.nextDouble() * 0.5, r.nextDouble() * 3};
            for (double radius : radii) {
                for (boolean strict : new boolean[] {true, false}) {
                    assertEquals(bruteCount(a, n, d, i, radius, strict), counter.count(i, radius, strict),
                            "point " + i + " radius " + radius + " strict " + strict);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2000,0", "2000,1", "5000,2", "20000,0"})
    void rankGridRanksAgreeWithSortedAxes(int n, int kind) {
        Random r = new Random(n + kind);
        double[] a = data(r, n, 2, kind);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[2 * i];
            y[i] = a[2 * i + 1];
        }
        SortedAxis ax = SortedAxis.of(x);
        SortedAxis ay = SortedAxis.of(y);
        RankGrid grid = RankGrid.build(ax, ay, 1);
        RankGrid.Searcher c = grid.cursor(3);
        RankGrid.Searcher parallel = RankGrid.build(ax, ay, 3).cursor(3);
        for (int p = 0; p < n; p++) {
            double eps = c.search(p);
            int i = c.originalIndex(p);
            assertEquals(eps, parallel.search(p), 0.0, "a parallel build has the same layout");
            assertEquals(i, parallel.originalIndex(p));
            assertEquals(ax.count(i, eps, true), ax.countAt(grid.rankX(p), eps, true));
            assertEquals(ay.count(i, eps, false), ay.countAt(grid.rankY(p), eps, false));
            assertEquals(x[i], ax.sorted()[grid.rankX(p)], 0.0);
            assertEquals(y[i], ay.sorted()[grid.rankY(p)], 0.0);
        }
    }

    @ParameterizedTest
    @CsvSource({"1,0", "3,1", "100,2", "200,0"})
    void everyLeafSizeGivesTheSameAnswers(int leaf, int kind) {
        int n = 1500;
        int d = 4;
        Random r = new Random(leaf * 5L + kind);
        double[] a = data(r, n, d, kind);
        KdTree reference = KdTree.build(a, n, d);
        KdTree tree = KdTree.build(a, n, d, leaf);
        JointSearch.Cursor c = tree.cursor(3);
        for (int p = 0; p < n; p++) {
            double eps = c.search(p);
            int i = c.originalIndex(p);
            assertEquals(kth(a, n, d, i, 3), eps, 0.0);
            assertEquals(reference.count(i, eps, true), tree.count(i, eps, true));
            assertEquals(bruteCount(a, n, d, i, eps, false), tree.count(i, eps, false));
        }
    }

    /** Leaves of more than 256 points: the rank masks of a count span more than four words. */
    @ParameterizedTest
    @CsvSource({"300,0", "700,1", "400,2"})
    void largeLeavesCountExactly(int leaf, int kind) {
        int n = 3000;
        int d = 3;
        Random r = new Random(leaf * 7L + kind);
        double[] a = data(r, n, d, kind);
        KdTree tree = KdTree.build(a, n, d, leaf);
        JointSearch.Cursor c = tree.cursor(4);
        for (int p = 0; p < n; p += 7) {
            double eps = c.search(p);
            int i = c.originalIndex(p);
            assertEquals(kth(a, n, d, i, 4), eps, 0.0);
            assertEquals(bruteCount(a, n, d, i, eps, true), tree.count(i, eps, true));
            assertEquals(bruteCount(a, n, d, i, eps * 1.5, false), tree.count(i, eps * 1.5, false));
        }
    }

    /**
     * Sorted axes of clustered values (the high 32 bits shared, so the radix sort's quick insertion finish
     * gives up and sorts all digits) and of continuous ones: values and ranks as a comparison sort's.
     */
    @ParameterizedTest
    @CsvSource({"5000,1e-12", "5000,1", "3000,0"})
    void sortedAxesMatchAComparisonSort(int n, double spread) {
        Random r = new Random(n + 3);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = spread == 0 ? Math.rint(r.nextGaussian() * 3) : 1 + spread * r.nextGaussian();
        }
        SortedAxis ax = SortedAxis.of(v);
        double[] expected = v.clone();
        Arrays.sort(expected);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], ax.sorted()[i], 0.0);
            assertEquals(v[i], ax.sorted()[ax.rank(i)], 0.0);
        }
        for (int i = 0; i < n; i += 11) {
            double radius = Math.abs(v[(i * 7) % n] - v[i]);
            assertEquals(bruteCount(v, n, 1, i, radius, true), ax.count(i, radius, true));
            assertEquals(bruteCount(v, n, 1, i, radius, false), ax.count(i, radius, false));
        }
    }

    /**
     * The search's float leaf filter: coordinates far from 0 against their spacing (the widened limit must
     * still keep every point the double test keeps), near float's range (double path), and tiny ones.
     */
    @ParameterizedTest
    @CsvSource({"1e6,1e-3", "1,1e-9", "1e31,1", "1e-30,1e-33", "0,1"})
    void floatFilterKeepsTheSearchExact(double offset, double spread) {
        int n = 1200;
        int d = 6;
        Random r = new Random(Double.hashCode(offset) * 31L + Double.hashCode(spread));
        double[] a = new double[n * d];
        for (int t = 0; t < a.length; t++) {
            a[t] = offset + spread * r.nextGaussian();
        }
        JointSearch.Cursor c = KdTree.build(a, n, d, KdTree.SEARCH_LEAF_SIZE).cursor(3);
        for (int p = 0; p < n; p++) {
            double eps = c.search(p);
            assertEquals(kth(a, n, d, c.originalIndex(p), 3), eps, 0.0, "point " + c.originalIndex(p));
        }
    }
}
