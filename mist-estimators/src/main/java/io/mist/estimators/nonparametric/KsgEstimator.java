package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.ConditionalMutualInformationEstimator;
import io.mist.core.MIEstimate;
import io.mist.core.internal.Parallel;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.estimators.nonparametric.internal.JointSearch;
import io.mist.estimators.nonparametric.internal.NeighborCounter;
import io.mist.estimators.nonparametric.internal.RankGrid;
import io.mist.estimators.nonparametric.internal.SortedAxis;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kraskov-Stoegbauer-Grassberger k-nearest-neighbour estimator of I(X;Y) (Kraskov, Stoegbauer and
 * Grassberger 2004, "Estimating mutual information", Phys. Rev. E 69, 066138), with the maximum norm in
 * the joint space {@code z = (x, y)} and in each marginal. For each sample {@code i} let {@code eps_i} be
 * the distance to its k-th nearest neighbour in the joint space.
 * <ul>
 * <li>Algorithm 1 (eq. 8): {@code n_x(i) = #{j != i : ||x_j - x_i|| < eps_i}} (strictly closer), likewise
 * {@code n_y(i)}, and {@code I = psi(k) + psi(N) - <psi(n_x + 1) + psi(n_y + 1)>}.</li>
 * <li>Algorithm 2 (eq. 9): {@code eps_x(i)}, {@code eps_y(i)} are the largest x- and y-distances among the
 * k joint neighbours, {@code n_x(i) = #{j != i : ||x_j - x_i|| <= eps_x(i)}}, and
 * {@code I = psi(k) - 1/k + psi(N) - <psi(n_x) + psi(n_y)>}.</li>
 * </ul>
 * The pointwise (local) values are the bracketed terms per sample; their mean is the estimate.
 *
 * <p><b>Conditional MI</b> I(X;Y|Z) (Frenzel and Pompe 2007, Phys. Rev. Lett. 99, 204101; Vejmelka and
 * Palus 2008, Phys. Rev. E 77, 026214): neighbours in the space {@code (x, y, z)}, counts in the subspaces
 * {@code (x, z)}, {@code (y, z)} and {@code z}, all strictly closer than {@code eps_i}:
 * {@code I = psi(k) - <psi(n_xz + 1) + psi(n_yz + 1) - psi(n_z + 1)>}. Only algorithm 1 conditions; asking
 * for algorithm 2 with a z is an error.
 *
 * <p>Bound type: neither (consistent; biased towards 0 for strong dependence and small n). Under
 * independence the estimate fluctuates around 0 and can be slightly negative; it is reported raw.
 *
 * <p><b>Computation.</b> Exact k-NN under the max norm (for one x and one y column a grid over ranks that
 * shares the two radix-sorted columns with the marginal counts, a k-d tree otherwise), marginal counts
 * without enumeration (density-guided galloping search from the query's rank in a sorted array for one
 * column, subtree counts of a k-d tree otherwise), queries in a spatially coherent order, parallel over
 * query points on a call-local pool. Ties are broken by seeded uniform noise of {@code noise} standard deviations; the
 * caller's data is never modified.
 *
 * <p><b>Degenerate input fails</b> rather than returning a number: a constant column (to within rounding,
 * {@link Samples#requireNonConstantColumns}), values whose variance overflows, and samples whose k-th
 * joint neighbour is at distance 0 (ties left by {@code noise = 0}; use {@code ksg-mixed} for discrete or
 * mixed data). An estimate below 0 is reported raw with a diagnostic: true MI is never negative, and a
 * small negative value is the estimator's scatter around 0 (independent or weakly dependent data).
 *
 * <p>Uncertainty: {@link ResamplingScheme#SUBSAMPLING}, since duplicated rows
 * from a bootstrap make zero distances.
 */
public final class KsgEstimator implements ConditionalMutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "ksg";

    private final KsgConfig config;

    /** A KSG estimator with the given settings. */
    public KsgEstimator(KsgConfig config) {
        this.config = Checks.notNull("config", config);
    }

    /** The settings. */
    public KsgConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.SUBSAMPLING;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        int n = x.n();
        KnnData.requireK(NAME, n, config.k());
        long t0 = System.nanoTime();
        double[][] blocks = KnnData.prepareAll(new Samples[] {x, y}, new String[] {"x", "y"}, config.standardize(),
                config.noise(), config.seed(), config.threads());
        int algorithm = config.algorithm().number();
        double[] pw = pointwise(blocks, new int[] {x.dim(), y.dim()}, n, config.k(), algorithm, config.threads());
        double mi = KnnData.mean(pw);
        return KnnData.noteBelowZero(MIEstimate.builder(NAME, mi).shape(x, y).seed(config.seed())
                .pointwise(pw).seconds((System.nanoTime() - t0) / 1e9)
                .diagnostic(Checks.format("KSG algorithm %d, k = %d, max-norm", algorithm, config.k())), mi)
                .build();
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y, Samples z) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.notNull("z", z);
        Checks.sameRows("x", x, "y", y);
        Checks.sameRows("x", x, "z", z);
        int n = x.n();
        KnnData.requireK(NAME, n, config.k());
        if (config.algorithm() != KsgConfig.Algorithm.ONE) {
            throw Checks.invalid("algorithm", "conditional KSG is implemented for algorithm 1 (Frenzel-Pompe) "
                    + "only; got algorithm %d", config.algorithm().number());
        }
        long t0 = System.nanoTime();
        double[][] blocks = KnnData.prepareAll(new Samples[] {x, y, z}, new String[] {"x", "y", "z"},
                config.standardize(), config.noise(), config.seed(), config.threads());
        double[] pw = pointwise(blocks, new int[] {x.dim(), y.dim(), z.dim()}, n, config.k(), 1, config.threads());
        double mi = KnnData.mean(pw);
        return KnnData.noteBelowZero(MIEstimate.builder(NAME, mi).shape(x, y).seed(config.seed())
                .pointwise(pw).seconds((System.nanoTime() - t0) / 1e9)
                .diagnostic(Checks.format("conditional KSG (Frenzel-Pompe) algorithm %d, k = %d, dz = %d",
                        config.algorithm().number(), config.k(), z.dim())), mi)
                .build();
    }

    /**
     * Pointwise MI of new rows against a fitted sample (the out-of-sample pointwise values of Gowri et al.
     * 2024's latentmi, {@code out_of_sample_pmi}, in nats): for each new row {@code (x*, y*)}, {@code eps} is
     * the max-norm distance to its k-th nearest neighbour among the {@code n} reference rows in the joint space,
     * {@code n_x = #{j : ||x_j - x*|| < eps}} and {@code n_y} likewise (the new row is not part of the sample,
     * so nothing is excluded), and its value is {@code psi(k) + psi(n) - psi(n_x + 1) - psi(n_y + 1)}, the
     * algorithm-1 term the row would have had in the sample's estimate. The reference rows are prepared as
     * {@link #estimate(Samples, Samples)} prepares them (same scaling, same seeded tie-breaking noise); the new
     * rows are scaled with the reference's column means and standard deviations and get no noise. The mean over
     * rows drawn from the same distribution estimates I(X;Y); a single row's value says how much more (or less)
     * likely its y is given its x than on its own.
     *
     * <p>Exact search, {@code O(m n (dx + dy))} for {@code m} new rows (a few seconds for
     * {@code m = n = 10^4} in 16 dimensions on two cores), parallel over the new rows.
     *
     * @param referenceX the fitted sample's x, {@code [n, dx]}
     * @param referenceY the fitted sample's y, {@code [n, dy]}
     * @param newX the new rows' x, {@code [m, dx]}
     * @param newY the new rows' y, {@code [m, dy]}
     * @return one value per new row, in nats
     * @throws IllegalArgumentException if the row counts or dimensions do not match, the reference has at most
     *     {@code k} rows, the config asks for algorithm 2 (whose rectangle needs the row's own neighbours), or a
     *     new row has its k-th neighbour at distance 0 (it repeats k reference rows exactly)
     */
    public double[] outOfSamplePointwise(Samples referenceX, Samples referenceY, Samples newX, Samples newY) {
        Checks.notNull("referenceX", referenceX);
        Checks.notNull("referenceY", referenceY);
        Checks.notNull("newX", newX);
        Checks.notNull("newY", newY);
        Checks.sameRows("referenceX", referenceX, "referenceY", referenceY);
        Checks.sameRows("newX", newX, "newY", newY);
        if (newX.dim() != referenceX.dim() || newY.dim() != referenceY.dim()) {
            throw Checks.fail("newX and newY must have the reference's dimensions (%d and %d), got %d and %d",
                    referenceX.dim(), referenceY.dim(), newX.dim(), newY.dim());
        }
        if (config.algorithm() != KsgConfig.Algorithm.ONE) {
            throw Checks.invalid("algorithm", "out-of-sample pointwise KSG is defined for algorithm 1 only; got "
                    + "algorithm %d", config.algorithm().number());
        }
        int n = referenceX.n();
        KnnData.requireK(NAME, n, config.k());
        double[][] ref = KnnData.prepareAll(new Samples[] {referenceX, referenceY},
                new String[] {"referenceX", "referenceY"}, config.standardize(), config.noise(), config.seed(),
                config.threads());
        double[] qx = inUnitsOf(newX, referenceX);
        double[] qy = inUnitsOf(newY, referenceY);
        int[] zeros = new int[1];
        double[] out = OutOfSampleKsg.pointwise(ref[0], ref[1], n, referenceX.dim(), referenceY.dim(), qx, qy,
                newX.n(), config.k(), config.threads(), zeros);
        if (zeros[0] > 0) {
            throw Checks.fail("%s: %d of %d new rows have their k-th reference neighbour (k = %d) at distance 0 "
                    + "(they repeat reference rows exactly); use a larger k", NAME, zeros[0], newX.n(), config.k());
        }
        return out;
    }

    /** {@code s} row-major, scaled with {@code reference}'s column statistics when the config standardises. */
    private double[] inUnitsOf(Samples s, Samples reference) {
        double[] out = s.toRowMajor();
        if (!config.standardize()) {
            return out;
        }
        double[] mean = reference.means();
        double[] sd = reference.requireVaryingColumns("reference");
        int d = s.dim();
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] - mean[i % d]) / sd[i % d];
        }
        return out;
    }

    /**
     * Pointwise KSG values of prepared (scaled, noised) row-major blocks: two blocks {@code (x, y)} for
     * I(X;Y), three {@code (x, y, z)} for I(X;Y|Z).
     */
    static double[] pointwise(double[][] blocks, int[] dims, int n, int k, int algorithm, int threads) {
        boolean conditional = blocks.length == 3;
        if (!conditional && dims[0] == 1 && dims[1] == 1) {
            return pointwisePlanar(blocks[0], blocks[1], n, k, algorithm, threads);
        }
        double[] joint = KnnData.concat(n, blocks, dims);
        int dj = joint.length / n;
        // subspaces as column ranges of the joint space: MI -> x, y; CMI -> xz, yz, z
        int[][] cols;
        double[][] sub;
        if (conditional) {
            int dx = dims[0];
            int dy = dims[1];
            int dz = dims[2];
            cols = new int[][] {concat(range(0, dx), range(dx + dy, dj)), range(dx, dj), range(dx + dy, dj)};
            sub = new double[][] {KnnData.concat(n, new double[][] {blocks[0], blocks[2]}, new int[] {dx, dz}),
                KnnData.concat(n, new double[][] {blocks[1], blocks[2]}, new int[] {dy, dz}), blocks[2]};
        } else {
            cols = new int[][] {range(0, dims[0]), range(dims[0], dj)};
            sub = new double[][] {blocks[0], blocks[1]};
        }
        int m = cols.length;
        NeighborCounter[] counters = new NeighborCounter[m];
        JointSearch search = buildAll(joint, n, dj, sub, cols, counters, threads);
        // the joint search in its own order, then each subspace's counts in that counter's own order (a
        // query's neighbourhood then overlaps the previous one's, so the nodes and leaves are in cache)
        boolean one = algorithm == 1;
        double[][] radius = new double[one ? 1 : m][n];
        AtomicInteger ties = new AtomicInteger();
        Parallel.forRange(n, threads, (from, to) -> {
            JointSearch.Cursor c = search.cursor(k);
            for (int p = from; p < to; p++) {
                double eps = c.search(p);
                if (eps == 0) {
                    ties.incrementAndGet();
                }
                int i = c.originalIndex(p);
                if (one) {
                    radius[0][i] = eps;
                } else {
                    for (int s = 0; s < m; s++) {
                        radius[s][i] = c.neighbourhoodExtent(cols[s]);
                    }
                }
            }
        });
        requireNoTies(ties.get(), n, k);
        int[][] cnt = new int[m][n];
        Parallel.forRange(m * n, threads, (from, to) -> {
            for (int u = from; u < to; u++) {
                int s = u / n;
                NeighborCounter counter = counters[s];
                int i = counter.queryOrder(u - s * n);
                cnt[s][i] = counter.count(i, radius[one ? 0 : s][i], one);
            }
        });
        double[] out = new double[n];
        double psiK = KnnData.digamma(k);
        double psiN = KnnData.digamma(n);
        for (int i = 0; i < n; i++) {
            if (one) {
                out[i] = conditional
                        ? psiK - KnnData.digamma(cnt[0][i] + 1) - KnnData.digamma(cnt[1][i] + 1)
                                + KnnData.digamma(cnt[2][i] + 1)
                        : KnnData.ksgTerm(true, k, psiK, psiN, cnt[0][i], cnt[1][i]);
            } else {
                out[i] = KnnData.ksgTerm(false, k, psiK, psiN, cnt[0][i], cnt[1][i]);
            }
        }
        return out;
    }

    /**
     * The one-column x, one-column y case: both columns sorted once (radix sort) and shared by the joint
     * search (a grid over ranks) and the marginal counts, which start from each query's known ranks.
     */
    private static double[] pointwisePlanar(double[] xs, double[] ys, int n, int k, int algorithm,
            int threads) {
        SortedAxis[] axes = new SortedAxis[2];
        Parallel.forTasks(2, threads, t -> axes[t] = SortedAxis.of(t == 0 ? xs : ys));
        RankGrid grid = RankGrid.build(axes[0], axes[1], threads);
        SortedAxis ax = axes[0];
        SortedAxis ay = axes[1];
        boolean one = algorithm == 1;
        // by position in the grid's order: first the searches (the radius, or for algorithm 2 the x and y
        // extents), then the counts, then the values put back in the original order; three passes over
        // sequential arrays run faster than one that mixes the grid's, both axes' and scattered memory
        double[] rx = new double[n];
        double[] ry = one ? rx : new double[n];
        int[] colX = {0};
        int[] colY = {1};
        AtomicInteger ties = new AtomicInteger();
        Parallel.forRange(n, threads, (from, to) -> {
            RankGrid.Searcher c = grid.cursor(k);
            for (int p = from; p < to; p++) {
                rx[p] = c.search(p);
                if (rx[p] == 0) {
                    ties.incrementAndGet();
                }
                if (!one) {
                    rx[p] = c.neighbourhoodExtent(colX);
                    ry[p] = c.neighbourhoodExtent(colY);
                }
            }
        });
        requireNoTies(ties.get(), n, k);
        double psiK = KnnData.digamma(k);
        double psiN = KnnData.digamma(n);
        double[] byPosition = new double[n];
        Parallel.forRange(n, threads, (from, to) -> {
            for (int p = from; p < to; p++) {
                int nx = ax.countAt(grid.rankX(p), rx[p], one);
                int ny = ay.countAt(grid.rankY(p), ry[p], one);
                byPosition[p] = KnnData.ksgTerm(one, k, psiK, psiN, nx, ny);
            }
        });
        double[] out = new double[n];
        Parallel.forRange(n, threads, (from, to) -> {
            for (int p = from; p < to; p++) {
                out[grid.originalIndex(p)] = byPosition[p];
            }
        });
        return out;
    }

    /**
     * Fails when samples have their k-th joint neighbour at distance 0: their marginal counts then count
     * only exact repeats, and the estimate grows without bound with the number of repeats (a column of 14
     * repeated values gives about 9.5 nats where the limit is ln 14 = 2.6).
     */
    private static void requireNoTies(int ties, int n, int k) {
        if (ties > 0) {
            throw Checks.fail("%s: %d of %d samples have their k-th neighbour (k = %d) at distance 0 (repeated "
                    + "values or duplicated rows); set option noise > 0 (default %.0e) to break ties, or use "
                    + "ksg-mixed for discrete or mixed data", NAME, ties, n, k, KsgConfig.builder().build().noise());
        }
    }

    /** Builds the joint search and the subspace counters, concurrently when threads allow. */
    private static JointSearch buildAll(double[] joint, int n, int dj, double[][] sub, int[][] cols,
            NeighborCounter[] counters, int threads) {
        JointSearch[] search = new JointSearch[1];
        int tasks = sub.length + 1;
        Parallel.forTasks(tasks, threads, t -> {
            if (t == 0) {
                search[0] = JointSearch.of(joint, n, dj);
            } else {
                counters[t - 1] = NeighborCounter.of(sub[t - 1], n, cols[t - 1].length);
            }
        });
        return search[0];
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
