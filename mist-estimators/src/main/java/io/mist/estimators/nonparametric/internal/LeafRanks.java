package io.mist.estimators.nonparametric.internal;

/**
 * Range counts inside the leaves of a k-d tree without a comparison per point: for every leaf and dimension
 * the leaf's coordinates sorted, and for every rank {@code r} a bit set (one bit per point of the leaf, in
 * words of 64) of the points whose coordinate has rank below {@code r}. The points of a leaf within the
 * limit along dimension {@code j} are those of rank {@code a <= r < b}, where {@code a} and {@code b} come
 * from two binary searches in the sorted column; their bits are {@code M[b] ^ M[a]}, and the count is the
 * population count of the intersection over the dimensions in which the query box cuts the leaf. A leaf of
 * {@code m} points crossed in {@code c} dimensions then costs about {@code 2 c log2(m)} comparisons instead
 * of up to {@code c m}.
 *
 * <p>The comparisons are the point-by-point ones ({@code q - v >= limit} fails below, {@code v - q < limit}
 * holds above), and both are monotone in {@code v}, so the points failing below form a prefix of the sorted
 * column and those holding above another: counts equal a brute-force count exactly, ties included.
 */
final class LeafRanks {
    private final int d;
    private final double[] sorted; // leaf [s, e), dimension j, rank r: sorted[s * d + j * (e - s) + r]
    private final long[] masks; // leaf at base, dimension j, rank r, word t: base + (j * (m + 1) + r) * w + t
    private final int[] base; // node -> first mask of the leaf (-1 for an inner node)

    private LeafRanks(int d, double[] sorted, long[] masks, int[] base) {
        this.d = d;
        this.sorted = sorted;
        this.masks = masks;
        this.base = base;
    }

    /**
     * The sorted columns and rank masks of every leaf ({@code left[node] < 0}) of a tree over {@code pts}
     * (tree order, row-major, {@code d} columns), node {@code v} holding positions {@code [start[v], end[v])}.
     */
    static LeafRanks build(double[] pts, int d, int[] start, int[] end, int[] left) {
        int nodes = start.length;
        int[] base = new int[nodes];
        long total = 0;
        for (int v = 0; v < nodes; v++) {
            if (left[v] >= 0) {
                base[v] = -1;
                continue;
            }
            int m = end[v] - start[v];
            base[v] = Math.toIntExact(total);
            total += (long) d * (m + 1) * words(m);
        }
        double[] sorted = new double[pts.length];
        long[] masks = new long[Math.toIntExact(total)];
        int[] order = new int[0];
        for (int v = 0; v < nodes; v++) {
            if (left[v] >= 0) {
                continue;
            }
            int s = start[v];
            int m = end[v] - s;
            int w = words(m);
            if (order.length < m) {
                order = new int[m];
            }
            for (int j = 0; j < d; j++) {
                sortColumn(pts, d, s, m, j, order);
                int col = s * d + j * m;
                int mb = base[v] + j * (m + 1) * w;
                for (int r = 0; r < m; r++) {
                    int t = order[r];
                    sorted[col + r] = pts[(s + t) * d + j];
                    System.arraycopy(masks, mb + r * w, masks, mb + (r + 1) * w, w);
                    masks[mb + (r + 1) * w + (t >>> 6)] |= 1L << t;
                }
            }
        }
        return new LeafRanks(d, sorted, masks, base);
    }

    private static int words(int m) {
        return Math.max(1, (m + 63) >>> 6);
    }

    /** {@code order[0..m)}: leaf offsets sorted by coordinate {@code j} (insertion sort, leaves are small). */
    private static void sortColumn(double[] pts, int d, int s, int m, int j, int[] order) {
        for (int r = 0; r < m; r++) {
            int t = r;
            double v = pts[(s + t) * d + j];
            int u = r;
            while (u > 0 && pts[(s + order[u - 1]) * d + j] > v) {
                order[u] = order[u - 1];
                u--;
            }
            order[u] = t;
        }
    }

    /**
     * Points of leaf {@code node} ({@code m} points from position {@code s}) within {@code limit} of the
     * query {@code q[qo..qo+d)} in every dimension of {@code cut}, the dimensions in which the leaf's box
     * (not wholly beyond the limit) is not wholly inside it; the other dimensions are known inside. One
     * method for all leaf sizes on purpose: above HotSpot's inlining size it is compiled on its own, which
     * measured 10 to 15 % faster than inlined into the recursive traversal.
     */
    int count(int node, int s, int m, double[] q, int qo, double limit, long cut) {
        int mb = base[node];
        if (m <= 64) {
            long alive = -1L;
            for (long u = cut; u != 0; u &= u - 1) {
                int j = Long.numberOfTrailingZeros(u);
                long ab = ranks(s * d + j * m, m, q[qo + j], limit);
                int mj = mb + j * (m + 1);
                alive &= masks[mj + (int) ab] ^ masks[mj + (int) (ab >>> 32)];
            }
            return Long.bitCount(alive);
        }
        // larger leaves: up to four words at a time, the ranks found again for each group of four
        int w = words(m);
        int n = 0;
        for (int g = 0; g < w; g += 4) {
            long x0 = masks[mb + m * w + g];
            long x1 = g + 1 < w ? masks[mb + m * w + g + 1] : 0;
            long x2 = g + 2 < w ? masks[mb + m * w + g + 2] : 0;
            long x3 = g + 3 < w ? masks[mb + m * w + g + 3] : 0;
            for (long u = cut; u != 0; u &= u - 1) {
                int j = Long.numberOfTrailingZeros(u);
                long ab = ranks(s * d + j * m, m, q[qo + j], limit);
                int mj = mb + j * (m + 1) * w + g;
                int ia = mj + (int) (ab >>> 32) * w;
                int ib = mj + (int) ab * w;
                x0 &= masks[ib] ^ masks[ia];
                if (g + 1 < w) {
                    x1 &= masks[ib + 1] ^ masks[ia + 1];
                    if (g + 2 < w) {
                        x2 &= masks[ib + 2] ^ masks[ia + 2];
                        x3 &= g + 3 < w ? masks[ib + 3] ^ masks[ia + 3] : 0;
                    }
                }
            }
            n += Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3);
        }
        return n;
    }

    /**
     * The ranks {@code [a, b)} of the sorted column at {@code col} ({@code m} values) within {@code limit}
     * of {@code qj}, as {@code a << 32 | b}; {@code a = 0} or {@code b = m} where that side of the leaf is
     * not cut.
     */
    private long ranks(int col, int m, double qj, double limit) {
        int a = qj - sorted[col] >= limit ? 1 + lastBelow(col, m, qj, limit) : 0;
        int b = sorted[col + m - 1] - qj >= limit ? 1 + lastWithin(col, m, qj, limit) : m;
        return (long) a << 32 | b;
    }

    /**
     * The last rank {@code r < m - 1} with {@code qj - v_r >= limit}, given that rank 0 has it and rank
     * {@code m - 1} has not (branch-free binary search).
     */
    private int lastBelow(int col, int m, double qj, double limit) {
        int lo = 0;
        for (int len = m - 1; len > 1;) {
            int half = len >>> 1;
            lo = qj - sorted[col + lo + half] >= limit ? lo + half : lo;
            len -= half;
        }
        return lo;
    }

    /**
     * The last rank {@code r < m - 1} with {@code v_r - qj < limit}, given that rank 0 has it and rank
     * {@code m - 1} has not.
     */
    private int lastWithin(int col, int m, double qj, double limit) {
        int lo = 0;
        for (int len = m - 1; len > 1;) {
            int half = len >>> 1;
            lo = sorted[col + lo + half] - qj < limit ? lo + half : lo;
            len -= half;
        }
        return lo;
    }
}
