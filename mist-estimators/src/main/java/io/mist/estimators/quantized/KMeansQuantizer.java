package io.mist.estimators.quantized;

import io.mist.core.Quantizer;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Vector quantization by k-means (torch_mist's default {@code kmeans} quantization): the bin of a row is the
 * index of its nearest centre (squared Euclidean distance; the lowest index on ties). The centres are fitted
 * by {@link KMeans}: {@link #RESTARTS} k-means++ seedings drawn in turn from the given random source, each
 * followed by Lloyd's iterations (at most {@link #MAX_ITERATIONS}, relative tolerance {@link #TOLERANCE}),
 * keeping the run of least inertia (sum of squared distances to the nearest centre): one seeding alone can
 * end in a local optimum that merges two well-separated clusters and splits another. Immutable.
 */
public final class KMeansQuantizer implements Quantizer {
    /** Lloyd iterations at most (scikit-learn's default). */
    public static final int MAX_ITERATIONS = 300;
    /** Stop when the squared centre shift is below this times the mean column variance (scikit-learn's). */
    public static final double TOLERANCE = 1e-4;
    /** k-means++ restarts; the run of least inertia is kept. */
    public static final int RESTARTS = 4;

    private final double[][] centres;
    private final int d;

    private KMeansQuantizer(double[][] centres, int d) {
        this.centres = centres;
        this.d = d;
    }

    /**
     * Centres fitted to the rows of {@code s}.
     *
     * @param bins the number of clusters, at least 1 (at most the number of rows)
     * @param rng the source of the k-means++ draws
     */
    public static KMeansQuantizer fit(Samples s, int bins, UniformRandomProvider rng) {
        Checks.notNull("samples", s);
        Checks.atLeast("n_bins", bins, 1);
        if (bins > s.n()) {
            throw Checks.invalid("n_bins", "n_bins = %d exceeds the %d rows the k-means quantizer is fitted on; "
                    + "use fewer bins", bins, s.n());
        }
        int n = s.n();
        int dim = s.dim();
        double[] data = s.toRowMajor();
        double[][] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RESTARTS; r++) {
            double[][] c = KMeans.plusPlus(data, n, dim, bins, rng);
            KMeans.cluster(data, n, dim, c, MAX_ITERATIONS, TOLERANCE);
            double inertia = KMeans.inertia(data, n, dim, c);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = c;
            }
        }
        return new KMeansQuantizer(best == null ? KMeans.plusPlus(data, n, dim, bins, rng) : best, dim);
    }

    /** The centres {@code [k][d]} (a copy). */
    public double[][] centres() {
        double[][] out = new double[centres.length][];
        for (int c = 0; c < out.length; c++) {
            out[c] = centres[c].clone();
        }
        return out;
    }

    @Override
    public int bins() {
        return centres.length;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public int index(double[] row) {
        if (row.length != d) {
            throw Checks.fail("the quantizer was fitted on rows of dimension %d, got %d", d, row.length);
        }
        return KMeans.nearest(row, 0, centres, d);
    }
}
