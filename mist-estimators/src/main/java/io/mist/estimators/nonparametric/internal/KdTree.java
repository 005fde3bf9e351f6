package io.mist.estimators.nonparametric.internal;

/**
 * A k-d tree under the maximum norm, built once in {@code O(n log n)}: points are reordered so that every
 * node is a contiguous range of one flat row-major array, each node keeps the bounding box of its points,
 * and leaves hold at most {@link #COUNT_LEAF_SIZE} (counting) or {@link #SEARCH_LEAF_SIZE} (search) points.
 * It answers exact k-nearest-neighbour queries (nearer side of the split first; the farther child is entered
 * only if its box, tested dimension by dimension with the split dimension first, is nearer than the current
 * k-th distance; leaf points filtered a coordinate at a time with one bit per point) and range counts in
 * which a node whose box lies wholly inside the query ball adds its size without visiting its points;
 * dimensions in which an ancestor's box is already inside are not tested again, and a leaf the query box
 * crosses is counted from its rank masks ({@link LeafRanks}: two binary searches per crossed dimension, no
 * comparison per point). A count of
 * {@code m} costs about {@code O(m^(1-1/d) + log n)} instead of {@code O(m)} (Bentley 1975; Friedman,
 * Bentley and Finkel 1977).
 *
 * <p>Box bounds are coordinates of actual points and floating-point subtraction is monotone, so a box test
 * never disagrees with the point-by-point test: results equal a brute-force search exactly.
 */
public final class KdTree implements NeighborCounter, JointSearch {
    /**
     * Maximum points in a leaf of a tree for counting (5-D Gaussians, queries in tree order: 32 is slower;
     * 128 and 256 are 6 and 20 % faster but their rank masks take two and four times the memory).
     */
    public static final int COUNT_LEAF_SIZE = 64;
    /** Dimensions tracked by the per-node "already inside" bit mask of a count. */
    private static final int MASKED = 63;
    /** Maximum points in a leaf of a tree for k-nearest-neighbour search (measured best, 10-D; at most 64). */
    public static final int SEARCH_LEAF_SIZE = 16;

    private final int n;
    private final int d;
    private final double[] data; // original order, row-major
    private final double[] pts; // tree order, row-major
    private final int[] index; // tree position -> original index
    private final int[] start;
    private final int[] end;
    private final int[] left; // -1 for a leaf; right child = left + 1
    private final int[] split; // split dimension of an inner node
    private final double[] lo;
    private final double[] hi;
    private final long full; // bit j set for every dimension j < min(d, MASKED)
    // built on first use, so a tree made for counting never pays for the search's float copy and a tree made
    // for searching never pays for the counts' rank masks
    private volatile LeafRanks ranks;
    private volatile FloatCopy floats;

    private KdTree(int n, int d, double[] data, double[] pts, int[] index, int[] start, int[] end, int[] left,
            int[] split, double[] lo, double[] hi) {
        this.n = n;
        this.d = d;
        this.data = data;
        this.pts = pts;
        this.index = index;
        this.start = start;
        this.end = end;
        this.left = left;
        this.split = split;
        this.lo = lo;
        this.hi = hi;
        this.full = (1L << Math.min(d, MASKED)) - 1;
    }

    /**
     * The tree points rounded to float for the search's first filter ({@code pts} null where floats cannot
     * hold them), with the bound {@code slack} on the filter's absolute rounding error.
     */
    private static final class FloatCopy {
        final float[] pts;
        final double slack;

        FloatCopy(double[] pts) {
            double maxAbs = 0;
            for (double v : pts) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            // floats hold every coordinate (with a relative error of at most 2^-24) only below about 3.4e38
            this.pts = maxAbs < 1e30 ? toFloats(pts) : null;
            this.slack = 0x1p-20 * maxAbs + Float.MIN_NORMAL;
        }
    }

    private FloatCopy floats() {
        FloatCopy f = floats;
        if (f == null) {
            synchronized (this) {
                f = floats;
                if (f == null) {
                    floats = f = new FloatCopy(pts);
                }
            }
        }
        return f;
    }

    /** The counts' rank masks; needs {@code d <= MASKED}. */
    private LeafRanks ranks() {
        LeafRanks r = ranks;
        if (r == null) {
            synchronized (this) {
                r = ranks;
                if (r == null) {
                    ranks = r = LeafRanks.build(pts, d, start, end, left);
                }
            }
        }
        return r;
    }

    /**
     * Builds the tree over {@code [n, d]} row-major points (not copied: must not change afterwards).
     */
    public static KdTree build(double[] rowMajor, int n, int d) {
        return build(rowMajor, n, d, COUNT_LEAF_SIZE);
    }

    /**
     * Builds the tree with at most {@code leafSize} points per leaf over {@code [n, d]} row-major points
     * (not copied: must not change afterwards).
     */
    public static KdTree build(double[] rowMajor, int n, int d, int leafSize) {
        if (leafSize < 1) {
            throw new IllegalArgumentException("leaf size must be at least 1, got " + leafSize);
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int maxNodes = 2 * Math.max(1, (n + leafSize - 1) / leafSize) * 2 + 1;
        Builder b = new Builder(rowMajor, d, idx, maxNodes, leafSize);
        b.node(0, n);
        int nodes = b.count;
        double[] pts = new double[n * d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(rowMajor, idx[p] * d, pts, p * d, d);
        }
        return new KdTree(n, d, rowMajor, pts, idx, trim(b.start, nodes), trim(b.end, nodes), trim(b.left, nodes),
                trim(b.split, nodes), trimD(b.lo, nodes * d), trimD(b.hi, nodes * d));
    }

    private static float[] toFloats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private static int[] trim(int[] a, int len) {
        return java.util.Arrays.copyOf(a, len);
    }

    private static double[] trimD(double[] a, int len) {
        return java.util.Arrays.copyOf(a, len);
    }

    @Override
    public int size() {
        return n;
    }

    /** Dimension. */
    public int dim() {
        return d;
    }

    /** The original index of the point at tree position {@code p}; positions are a cache-friendly order. */
    public int originalIndex(int p) {
        return index[p];
    }

    /** Tree order: successive queries share most of the nodes they visit. */
    @Override
    public int queryOrder(int p) {
        return index[p];
    }

    @Override
    public int count(int i, double radius, boolean strict) {
        // d <= radius  <=>  d < nextUp(radius) for finite doubles: one strict test serves both cases
        double limit = strict ? radius : Math.nextUp(radius);
        if (!(limit > 0)) {
            return 0; // nothing is strictly closer than 0
        }
        // the point itself is at distance 0 < limit
        return countFrom(d <= MASKED ? ranks() : null, 0, i * d, limit, 0L) - 1;
    }

    /**
     * Points (the query itself included) at max-norm distance below {@code limit} from the point at
     * {@code data[qo..qo+d)}. Per dimension {@code a = lo - q} and {@code b = q - hi}; since floating-point
     * subtraction is monotone and {@code fl(x - y) = -fl(y - x)}, {@code a >= limit} or {@code b >= limit}
     * puts every point of the box at or beyond the limit, and {@code -a < limit}, {@code -b < limit} in
     * every dimension puts every point inside.
     */
    private int countFrom(LeafRanks r, int node, int qo, double limit, long known) {
        int o = node * d;
        long inside = known;
        boolean rest = true; // dimensions from MASKED on (not tracked by the mask) inside
        for (int j = 0; j < d; j++) {
            if (j < MASKED && (known >>> j & 1) != 0) {
                continue; // an ancestor's box is already inside the query along j
            }
            double qj = data[qo + j];
            double a = lo[o + j] - qj;
            double b = qj - hi[o + j];
            if (a >= limit | b >= limit) {
                return 0;
            }
            if (-a < limit & -b < limit) {
                if (j < MASKED) {
                    inside |= 1L << j;
                }
            } else if (j >= MASKED) {
                rest = false;
            }
        }
        if (inside == full && rest) {
            return end[node] - start[node];
        }
        int l = left[node];
        if (l >= 0) {
            return countFrom(r, l, qo, limit, inside) + countFrom(r, l + 1, qo, limit, inside);
        }
        return countLeaf(r, node, qo, limit, inside);
    }

    /**
     * Points of a leaf within the limit: by rank masks ({@link LeafRanks}) over the dimensions not already
     * known inside, or point by point when there are more dimensions than the mask tracks.
     */
    private int countLeaf(LeafRanks r, int node, int qo, double limit, long inside) {
        int s = start[node];
        int e = end[node];
        if (r != null) {
            return r.count(node, s, e - s, data, qo, limit, ~inside & full);
        }
        int c = 0;
        for (int p = s; p < e; p++) {
            int b = p * d;
            boolean in = true;
            for (int j = 0; j < d; j++) {
                in &= (j < MASKED & (inside >>> j & 1) != 0) | Math.abs(pts[b + j] - data[qo + j]) < limit;
            }
            c += in ? 1 : 0;
        }
        return c;
    }

    /**
     * One bit per point of positions {@code [s, s + m)} ({@code m <= 64}): bit {@code t} set when coordinate
     * {@code j} of point {@code s + t} is below {@code limit} away from {@code qj}.
     */
    private long closeBits(int s, int m, int j, double qj, double limit) {
        long in = 0;
        for (int t = 0, p = s * d + j; t < m; t++, p += d) {
            in |= (Math.abs(pts[p] - qj) < limit ? 1L : 0L) << t;
        }
        return in;
    }

    @Override
    public Searcher cursor(int k) {
        return new Searcher(k);
    }

    /**
     * Finds the {@code k} nearest other points of tree points; not thread-safe, allocation-free per query.
     */
    public final class Searcher implements JointSearch.Cursor {
        private final int k;
        private final double[] dist;
        private final int[] pos;
        private final double[] q;
        private final float[] qf;
        private final float[] fpts; // the tree points as floats, or null: see FloatCopy
        private final double slack;
        private int self;

        Searcher(int k) {
            this.k = JointSearch.checkK(k, n);
            this.dist = new double[k];
            this.pos = new int[k];
            this.q = new double[d];
            this.qf = new float[d];
            FloatCopy f = floats();
            this.fpts = f.pts;
            this.slack = f.slack;
        }

        @Override
        public double search(int p) {
            self = p;
            System.arraycopy(pts, p * d, q, 0, d);
            if (fpts != null) {
                System.arraycopy(fpts, p * d, qf, 0, d);
            }
            java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
            visit(0);
            return dist[k - 1];
        }

        /** Tree position of the {@code r}-th nearest neighbour ({@code r < k}) of the last search. */
        public int neighbor(int r) {
            return pos[r];
        }

        @Override
        public int originalIndex(int p) {
            return index[p];
        }

        @Override
        public double neighbourhoodExtent(int[] cols) {
            double m = 0;
            int qb = self * d;
            for (int r = 0; r < k; r++) {
                int b = pos[r] * d;
                for (int j : cols) {
                    double t = Math.abs(pts[b + j] - pts[qb + j]);
                    if (t > m) {
                        m = t;
                    }
                }
            }
            return m;
        }

        private void visit(int node) {
            int l = left[node];
            if (l < 0) {
                scan(node);
                return;
            }
            // the nearer side of the split first, entered unconditionally (testing its box costs more than
            // it prunes); the other side only if its box is nearer than the current k-th distance
            int sd = split[node];
            int first = q[sd] < lo[(l + 1) * d + sd] ? l : l + 1;
            visit(first);
            int second = first == l ? l + 1 : l;
            if (within(second, sd)) {
                visit(second);
            }
        }

        /** Whether the node's box is nearer than the current k-th distance (dimension {@code sd} first). */
        private boolean within(int node, int sd) {
            double worst = dist[k - 1];
            int o = node * d;
            if (lo[o + sd] - q[sd] >= worst || q[sd] - hi[o + sd] >= worst) {
                return false;
            }
            for (int j = 0; j < d; j++) {
                double qj = q[j];
                if (lo[o + j] - qj >= worst || qj - hi[o + j] >= worst) {
                    return false;
                }
            }
            return true;
        }

        /**
         * {@link #closeBits} in float precision with a widened limit: every bit {@code closeBits} sets is set
         * (a superset; the points are then measured exactly), at half the memory per coordinate.
         */
        private long closeBitsF(int s, int m, int j, float qj, float limit) {
            long in = 0;
            for (int t = 0, p = s * d + j; t < m; t++, p += d) {
                in |= (Math.abs(fpts[p] - qj) <= limit ? 1L : 0L) << t;
            }
            return in;
        }

        private void scan(int node) {
            int s = start[node];
            int m = end[node] - s;
            if (m > 64) {
                for (int p = s; p < s + m; p++) {
                    consider(p);
                }
                return;
            }
            // candidates (one bit per point) filtered a coordinate at a time against the k-th distance
            // at entry, stopping once none is left; the few survivors are then measured in full
            double worst = dist[k - 1];
            long alive = m == 64 ? -1L : (1L << m) - 1;
            if (fpts != null) {
                // |fl32(p) - fl32(q)| exceeds |p - q| by at most 2^-23 max|x| plus 2^-24 of itself, so a
                // point within worst in double passes |pf - qf| <= worst (1 + 2^-20) + 2^-20 max|x|
                float wf = Math.nextUp((float) (worst + worst * 0x1p-20 + slack));
                for (int j = 0; j < d && alive != 0; j++) {
                    alive &= closeBitsF(s, m, j, qf[j], wf);
                }
            } else {
                for (int j = 0; j < d && alive != 0; j++) {
                    alive &= closeBits(s, m, j, q[j], worst);
                }
            }
            for (; alive != 0; alive &= alive - 1) {
                consider(s + Long.numberOfTrailingZeros(alive));
            }
        }

        /** Inserts the point at position {@code p} among the k nearest if it is nearer than the k-th. */
        private void consider(int p) {
            double worst = dist[k - 1];
            int b = p * d;
            double m = 0;
            for (int j = 0; j < d && m < worst; j++) {
                m = Math.max(m, Math.abs(pts[b + j] - q[j]));
            }
            if (m < worst && p != self) {
                int r = k - 1;
                while (r > 0 && dist[r - 1] > m) {
                    dist[r] = dist[r - 1];
                    pos[r] = pos[r - 1];
                    r--;
                }
                dist[r] = m;
                pos[r] = p;
            }
        }
    }

    /** Recursive median-split construction. */
    private static final class Builder {
        private final double[] x;
        private final int d;
        private final int[] idx;
        private final int leafSize;
        int[] start;
        int[] end;
        int[] left;
        int[] split;
        double[] lo;
        double[] hi;
        int count;

        Builder(double[] x, int d, int[] idx, int capacity, int leafSize) {
            this.leafSize = leafSize;
            this.x = x;
            this.d = d;
            this.idx = idx;
            this.start = new int[capacity];
            this.end = new int[capacity];
            this.left = new int[capacity];
            this.split = new int[capacity];
            this.lo = new double[capacity * d];
            this.hi = new double[capacity * d];
        }

        private int alloc() {
            if (count == start.length) {
                int cap = start.length * 2;
                start = java.util.Arrays.copyOf(start, cap);
                end = java.util.Arrays.copyOf(end, cap);
                left = java.util.Arrays.copyOf(left, cap);
                split = java.util.Arrays.copyOf(split, cap);
                lo = java.util.Arrays.copyOf(lo, cap * d);
                hi = java.util.Arrays.copyOf(hi, cap * d);
            }
            return count++;
        }

        void node(int s, int e) {
            int id = alloc();
            fill(id, s, e);
        }

        private void fill(int id, int s, int e) {
            start[id] = s;
            end[id] = e;
            int o = id * d;
            for (int j = 0; j < d; j++) {
                lo[o + j] = Double.POSITIVE_INFINITY;
                hi[o + j] = Double.NEGATIVE_INFINITY;
            }
            for (int p = s; p < e; p++) {
                int b = idx[p] * d;
                for (int j = 0; j < d; j++) {
                    double v = x[b + j];
                    if (v < lo[o + j]) {
                        lo[o + j] = v;
                    }
                    if (v > hi[o + j]) {
                        hi[o + j] = v;
                    }
                }
            }
            int dim = -1;
            double widest = 0;
            for (int j = 0; j < d; j++) {
                double w = hi[o + j] - lo[o + j];
                if (w > widest) {
                    widest = w;
                    dim = j;
                }
            }
            if (e - s <= leafSize || dim < 0) {
                left[id] = -1;
                return;
            }
            int mid = (s + e) >>> 1;
            select(s, e - 1, mid, dim);
            split[id] = dim;
            int l = alloc();
            int r = alloc();
            left[id] = l;
            assert r == l + 1;
            fill(l, s, mid);
            fill(r, mid, e);
        }

        private double key(int p, int j) {
            return x[idx[p] * d + j];
        }

        /** Quickselect: idx[s..e] partitioned so that position m holds the m-th smallest along j. */
        private void select(int s, int e, int m, int j) {
            while (e > s) {
                double pivot = median3(key(s, j), key((s + e) >>> 1, j), key(e, j));
                int a = s;
                int b = e;
                while (a <= b) {
                    while (key(a, j) < pivot) {
                        a++;
                    }
                    while (key(b, j) > pivot) {
                        b--;
                    }
                    if (a <= b) {
                        int t = idx[a];
                        idx[a] = idx[b];
                        idx[b] = t;
                        a++;
                        b--;
                    }
                }
                if (m <= b) {
                    e = b;
                } else if (m >= a) {
                    s = a;
                } else {
                    return;
                }
            }
        }

        private static double median3(double a, double b, double c) {
            return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
    }
}
