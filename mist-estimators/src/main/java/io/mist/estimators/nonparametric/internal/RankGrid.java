package io.mist.estimators.nonparametric.internal;

import io.mist.core.internal.Parallel;

/**
 * Exact k-nearest-neighbour search under the maximum norm in two dimensions on a grid over ranks: each
 * axis is cut at equally spaced ranks (quantiles), so a column or row of cells holds the same number of
 * points whatever the marginal distributions, and the {@code g x g} cells hold {@link #OCCUPANCY} points on
 * average. Points are stored cell by cell, the cells in blocks of {@link #BLOCK} x {@link #BLOCK} (row-major
 * inside a block, blocks in Z order), coordinates and ranks interleaved in one flat array each; queries in
 * that order stay within a narrow range of ranks on both axes, which keeps the marginal counts' memory
 * cache-resident. A
 * query scans its own cell, then grows a rectangle of cells one column or row at a time on the side whose
 * boundary is nearest, until every unscanned point is provably at least as far as the current k-th
 * neighbour. Building costs two radix sorts (shared with the marginal counts when given) and one counting
 * sort; a query costs {@code O(k)} cells on average.
 *
 * <p>Cell boundaries are coordinates of actual points and floating-point subtraction is monotone, so the
 * stopping test never disagrees with the point-by-point distances: results equal a brute-force search.
 */
public final class RankGrid implements JointSearch {
    /** Target mean number of points per cell. */
    static final double OCCUPANCY = 2.0;
    /** Cells per block side. */
    static final int BLOCK = 16;
    private static final long INFINITY = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private final int n;
    private final int g;
    private final int gb; // blocks per side
    private final int[] blocks; // block row * gb + block column -> storage position of the block
    private final double inv; // 1 / n
    private final double[] xy; // cell order: x then y of each point
    private final int[] index; // position -> original index
    private final int[] cellStart; // cell id (see #id) -> first position
    private final int[] ranks; // position -> rank of x, rank of y (interleaved)
    private final double[] belowX; // belowX[b]: largest x left of column b (b >= 1)
    private final double[] aboveX; // aboveX[b]: smallest x in column b and right of it
    private final double[] belowY;
    private final double[] aboveY;

    private RankGrid(int n, int g, double[] xy, int[] index, int[] cellStart, int[] ranks, double[][] bounds,
            int[] blocks) {
        this.blocks = blocks;
        this.n = n;
        this.g = g;
        this.gb = (g + BLOCK - 1) / BLOCK;
        this.inv = 1.0 / n;
        this.xy = xy;
        this.index = index;
        this.cellStart = cellStart;
        this.ranks = ranks;
        this.belowX = bounds[0];
        this.aboveX = bounds[1];
        this.belowY = bounds[2];
        this.aboveY = bounds[3];
    }

    /** A grid over {@code [n, 2]} row-major points (copied). */
    public static RankGrid build(double[] rowMajor, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rowMajor[2 * i];
            y[i] = rowMajor[2 * i + 1];
        }
        return build(SortedAxis.of(x), SortedAxis.of(y), 1);
    }

    /**
     * A grid over the points {@code (x_i, y_i)} of two sorted axes of the same length, bucketed by a
     * counting sort on up to {@code threads} threads (each takes a contiguous range of points; the layout
     * does not depend on the number of threads).
     */
    public static RankGrid build(SortedAxis ax, SortedAxis ay, int threads) {
        int n = ax.size();
        if (ay.size() != n) {
            throw new IllegalArgumentException("axes of different lengths: " + n + " and " + ay.size());
        }
        int g = (int) Math.min(1 << 16, Math.max(1, Math.sqrt(n / OCCUPANCY)));
        int gb = (g + BLOCK - 1) / BLOCK;
        int ids = gb * gb * BLOCK * BLOCK;
        int[] blocks = zOrder(gb);
        double inv = 1.0 / n;
        int parts = n < Parallel.SERIAL_BELOW ? 1 : Math.min(threads, 4);
        int[][] counts = new int[parts][ids];
        Parallel.forTasks(parts, threads, t -> {
            int[] cnt = counts[t];
            for (int i = (int) ((long) n * t / parts), e = (int) ((long) n * (t + 1) / parts); i < e; i++) {
                cnt[id(band(ax.rank(i), n, g, inv), band(ay.rank(i), n, g, inv), blocks, gb)]++;
            }
        });
        // cell starts, and each part's first free position per cell
        int[] cellStart = new int[ids + 1];
        int running = 0;
        for (int c = 0; c < ids; c++) {
            cellStart[c] = running;
            for (int[] cnt : counts) {
                int v = cnt[c];
                cnt[c] = running;
                running += v;
            }
        }
        cellStart[ids] = running;
        double[] x = ax.values();
        double[] y = ay.values();
        double[] xy = new double[2 * n];
        int[] index = new int[n];
        int[] ranks = new int[2 * n];
        // in the original order: sequential reads, scattered writes
        Parallel.forTasks(parts, threads, t -> {
            int[] fill = counts[t];
            for (int i = (int) ((long) n * t / parts), e = (int) ((long) n * (t + 1) / parts); i < e; i++) {
                int rx = ax.rank(i);
                int ry = ay.rank(i);
                int cx = band(rx, n, g, inv);
                int cy = band(ry, n, g, inv);
                int p = fill[id(cx, cy, blocks, gb)]++;
                xy[2 * p] = x[i];
                xy[2 * p + 1] = y[i];
                index[p] = i;
                ranks[2 * p] = rx;
                ranks[2 * p + 1] = ry;
            }
        });
        double[] sx = ax.sorted();
        double[] sy = ay.sorted();
        double[][] bounds = {new double[g], new double[g], new double[g], new double[g]};
        for (int b = 1; b < g; b++) {
            int first = firstRank(b, n, g);
            bounds[0][b] = sx[first - 1];
            bounds[1][b] = sx[first];
            bounds[2][b] = sy[first - 1];
            bounds[3][b] = sy[first];
        }
        return new RankGrid(n, g, xy, index, cellStart, ranks, bounds, blocks);
    }

    /**
     * The storage id of cell {@code (cx, cy)}: cells row-major inside a block, blocks in the order
     * {@code blocks} gives them (indexed by block row times {@code gb} plus block column).
     */
    private static int id(int cx, int cy, int[] blocks, int gb) {
        return ((blocks[cy / BLOCK * gb + cx / BLOCK] * BLOCK + cy % BLOCK) * BLOCK) + cx % BLOCK;
    }

    /**
     * The position of each of the {@code gb x gb} blocks (index: block row times {@code gb} plus block column)
     * along the Z-order (Morton) curve: a run of consecutive blocks covers a square rather than a strip, so
     * the ranks that successive queries touch stay within a narrow range on both axes.
     */
    private static int[] zOrder(int gb) {
        long[] code = new long[gb * gb];
        for (int b = 0; b < code.length; b++) {
            code[b] = (long) interleave(b / gb) << 1 | interleave(b % gb);
            code[b] = code[b] << 32 | b;
        }
        java.util.Arrays.sort(code);
        int[] at = new int[code.length];
        for (int pos = 0; pos < code.length; pos++) {
            at[(int) code[pos]] = pos;
        }
        return at;
    }

    /** The bits of {@code v} (below 2^12) spread to the even bit positions. */
    private static int interleave(int v) {
        int r = 0;
        for (int bit = 0; bit < 12; bit++) {
            r |= (v >> bit & 1) << (2 * bit);
        }
        return r;
    }

    /**
     * The band (column or row) of rank {@code r}: {@code floor(r g / n)}, from a product with {@code inv =
     * 1 / n} (within one of the quotient, since {@code r g < 2^53}) corrected exactly, without a division.
     */
    private static int band(int r, int n, int g, double inv) {
        long rg = (long) r * g;
        int q = (int) (rg * inv);
        if ((long) (q + 1) * n <= rg) {
            q++;
        } else if ((long) q * n > rg) {
            q--;
        }
        return q;
    }

    /** The first rank of band {@code b}: {@code ceil(b n / g)}. */
    private static int firstRank(int b, int n, int g) {
        return (int) (((long) b * n + g - 1) / g);
    }

    @Override
    public int size() {
        return n;
    }

    /** Rank of the x coordinate of the point at position {@code p} (see {@link SortedAxis#countAt}). */
    public int rankX(int p) {
        return ranks[2 * p];
    }

    /** Rank of the y coordinate of the point at position {@code p}. */
    public int rankY(int p) {
        return ranks[2 * p + 1];
    }

    /** The original index of the point at position {@code p}. */
    public int originalIndex(int p) {
        return index[p];
    }

    @Override
    public Searcher cursor(int k) {
        return new Searcher(k);
    }

    /** Finds the {@code k} nearest other points; not thread-safe, allocation-free per query. */
    public final class Searcher implements JointSearch.Cursor {
        private final int k;
        private final long[] dist; // bits of the k smallest distances (non-negative: ordered as longs)
        private int self;
        private double qx;
        private double qy;
        // the scanned rectangle of cells of the last search
        private int c0;
        private int c1;
        private int r0;
        private int r1;

        Searcher(int k) {
            this.k = JointSearch.checkK(k, n);
            this.dist = new long[k];
        }

        @Override
        public double search(int p) {
            self = p;
            qx = xy[2 * p];
            qy = xy[2 * p + 1];
            java.util.Arrays.fill(dist, INFINITY);
            int cx = band(ranks[2 * p], n, g, inv);
            int cy = band(ranks[2 * p + 1], n, g, inv);
            c0 = cx;
            c1 = cx;
            r0 = cy;
            r1 = cy;
            int own = id(cx, cy, blocks, gb);
            scan(cellStart[own], p); // the query's own cell, without the query
            scan(p + 1, cellStart[own + 1]);
            // distances to the four sides of the scanned rectangle (non-negative: as ordered long bits),
            // each updated only when its side moves
            long left = c0 > 0 ? bits(qx - belowX[c0]) : INFINITY;
            long right = c1 < g - 1 ? bits(aboveX[c1 + 1] - qx) : INFINITY;
            long down = r0 > 0 ? bits(qy - belowY[r0]) : INFINITY;
            long up = r1 < g - 1 ? bits(aboveY[r1 + 1] - qy) : INFINITY;
            while (true) {
                long worst = dist[k - 1];
                long m = min(min(left, right), min(down, up));
                if (m >= worst) {
                    return Double.longBitsToDouble(worst); // every unscanned point is at least `m` away
                }
                if (m == left) {
                    c0--;
                    scanColumn(c0, r0, r1);
                    left = c0 > 0 ? bits(qx - belowX[c0]) : INFINITY;
                } else if (m == right) {
                    c1++;
                    scanColumn(c1, r0, r1);
                    right = c1 < g - 1 ? bits(aboveX[c1 + 1] - qx) : INFINITY;
                } else if (m == down) {
                    r0--;
                    scanRow(r0, c0, c1);
                    down = r0 > 0 ? bits(qy - belowY[r0]) : INFINITY;
                } else {
                    r1++;
                    scanRow(r1, c0, c1);
                    up = r1 < g - 1 ? bits(aboveY[r1 + 1] - qy) : INFINITY;
                }
            }
        }

        private void scanColumn(int col, int from, int to) {
            for (int r = from; r <= to; r++) {
                int c = id(col, r, blocks, gb);
                scan(cellStart[c], cellStart[c + 1]);
            }
        }

        /** Cells {@code from..to} of row {@code row}: one contiguous range per block. */
        private void scanRow(int row, int from, int to) {
            for (int c = from; c <= to;) {
                int end = Math.min(to, c - c % BLOCK + BLOCK - 1);
                scan(cellStart[id(c, row, blocks, gb)], cellStart[id(end, row, blocks, gb) + 1]);
                c = end + 1;
            }
        }

        /**
         * Merges the distances of positions {@code [from, to)} (never the query's own) into the sorted k
         * smallest, branch-free:
         * {@code dist[j] = min(dist[j], max(dist[j - 1], m))} from the top keeps the array sorted.
         */
        private void scan(int from, int to) {
            long[] best = dist;
            for (int p = from; p < to; p++) {
                long m = max(Double.doubleToRawLongBits(xy[2 * p] - qx) & Long.MAX_VALUE,
                        Double.doubleToRawLongBits(xy[2 * p + 1] - qy) & Long.MAX_VALUE);
                for (int j = k - 1; j > 0; j--) {
                    best[j] = min(best[j], max(best[j - 1], m));
                }
                best[0] = min(best[0], m);
            }
        }

        /**
         * The bits of a double that is not negative, or is -0.0 (as {@code -0.0 - 0.0} is), without the sign:
         * their order as longs is the numeric order.
         */
        private static long bits(double nonNegative) {
            return Double.doubleToRawLongBits(nonNegative) & Long.MAX_VALUE;
        }

        /** min of two non-negative longs without a branch (their difference cannot overflow). */
        private static long min(long a, long b) {
            long d = a - b;
            return b + (d & (d >> 63));
        }

        private static long max(long a, long b) {
            long d = a - b;
            return a - (d & (d >> 63));
        }

        @Override
        public int originalIndex(int p) {
            return index[p];
        }

        /**
         * The largest distance along the given columns to the points (other than the query) within the
         * k-th distance, found in the rectangle of cells the last search scanned (it holds them all). With
         * noise-free ties at the k-th distance every tied point counts.
         */
        @Override
        public double neighbourhoodExtent(int[] cols) {
            double eps = Double.longBitsToDouble(dist[k - 1]);
            boolean useX = false;
            boolean useY = false;
            for (int j : cols) {
                useX |= j == 0;
                useY |= j == 1;
            }
            double ext = 0;
            for (int r = r0; r <= r1; r++) {
                for (int col = c0; col <= c1; col++) {
                    int c = id(col, r, blocks, gb);
                    for (int p = cellStart[c], e = cellStart[c + 1]; p < e; p++) {
                        double tx = Math.abs(xy[2 * p] - qx);
                        double ty = Math.abs(xy[2 * p + 1] - qy);
                        if (p != self && Math.max(tx, ty) <= eps) {
                            ext = Math.max(ext, Math.max(useX ? tx : 0, useY ? ty : 0));
                        }
                    }
                }
            }
            return ext;
        }
    }
}
