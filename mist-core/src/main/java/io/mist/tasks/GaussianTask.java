package io.mist.tasks;

import io.mist.core.internal.Checks;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.Matrices;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A zero-mean multivariate Gaussian over {@code (X, Y)} with joint covariance {@code S} (X the first
 * {@code dx} coordinates). Its mutual information is
 * {@code I = 0.5 (log det S_xx + log det S_yy - log det S)}.
 */
public final class GaussianTask implements GroundTruthTask {
    private final String name;
    private final double[][] cov;
    private final double[][] chol;
    private final int dx;
    private final double mi;

    private GaussianTask(String name, double[][] cov, int dx) {
        this.name = name;
        this.cov = copy(cov);
        this.chol = Matrices.cholesky(cov);
        this.dx = dx;
        this.mi = Matrices.gaussianMutualInformation(cov, dx);
    }

    /**
     * A task with joint covariance {@code cov}; X is the first {@code dx} coordinates.
     *
     * @throws IllegalArgumentException if {@code cov} is not square, symmetric and positive definite, or
     *     {@code dx} does not leave at least one coordinate for each variable
     */
    public static GaussianTask of(double[][] cov, int dx) {
        Checks.notNull("cov", cov);
        int d = cov.length;
        if (dx < 1 || dx >= d) {
            throw Checks.fail("dx must be in [1, %d) for a %d x %d covariance, got %d", d, d, d, dx);
        }
        for (int i = 0; i < d; i++) {
            if (cov[i] == null || cov[i].length != d) {
                throw Checks.fail("cov must be square: row %d has %s columns, expected %d", i,
                        cov[i] == null ? "no" : Integer.toString(cov[i].length), d);
            }
            for (int j = 0; j < d; j++) {
                Checks.finite("cov[" + i + "][" + j + "]", cov[i][j]);
                if (Math.abs(cov[i][j] - cov[j][i]) > 1e-12 * (Math.abs(cov[i][j]) + 1)) {
                    throw Checks.fail("cov must be symmetric: cov[%d][%d] = %s but cov[%d][%d] = %s", i, j, cov[i][j],
                            j, i, cov[j][i]);
                }
            }
        }
        try {
            Matrices.cholesky(cov);
        } catch (IllegalArgumentException e) {
            throw Checks.fail("cov must be positive definite: %s", e.getMessage());
        }
        return new GaussianTask(Checks.format("gaussian-%dx%d", dx, d - dx), cov, dx);
    }

    /** Bivariate standard Gaussian with correlation {@code rho}: {@code I = -0.5 log(1 - rho^2)}. */
    public static GaussianTask bivariate(double rho) {
        return componentwise(1, rho);
    }

    /**
     * {@code dim}-dimensional X and Y, unit variances, {@code corr(x_i, y_i) = rho} and all other pairs
     * uncorrelated: {@code I = -0.5 dim log(1 - rho^2)}.
     */
    public static GaussianTask componentwise(int dim, double rho) {
        Checks.atLeast("dim", dim, 1);
        Checks.inOpenRange("rho", rho, -1, 1);
        return new GaussianTask(Checks.format("gaussian-%dx%d-rho%s", dim, dim, rho), paired(dim, dim, rho), dim);
    }

    /**
     * Dense interaction: {@code dim}-dimensional X and Y whose {@code 2 dim} coordinates all have unit variance and
     * pairwise correlation {@code rho} (within and across the blocks). The equicorrelation matrix of size
     * {@code d} has eigenvalues {@code 1 + (d - 1) rho} (once) and {@code 1 - rho} ({@code d - 1} times), so
     * {@code I = 0.5 (2 log det_dim - log det_2dim)} with {@code log det_d = log(1 + (d - 1) rho) + (d - 1) log(1 - rho)}.
     *
     * @throws IllegalArgumentException unless {@code dim >= 1} and {@code 0 <= rho < 1}
     */
    public static GaussianTask dense(int dim, double rho) {
        Checks.atLeast("dim", dim, 1);
        if (!(rho >= 0 && rho < 1)) {
            throw Checks.fail("rho must be in [0, 1) for a dense (equicorrelated) task, got %s", rho);
        }
        int d = 2 * dim;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = i == j ? 1 : rho;
            }
        }
        return new GaussianTask(Checks.format("gaussian-dense-%dx%d-rho%s", dim, dim, rho), c, dim);
    }

    /**
     * Sparse interaction: {@code dim}-dimensional X and Y, unit variances, {@code corr(x_i, y_i) = rho} for the
     * first {@code pairs} coordinates and no other correlation: {@code I = -0.5 pairs log(1 - rho^2)}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= pairs <= dim} and {@code -1 < rho < 1}
     */
    public static GaussianTask sparse(int dim, int pairs, double rho) {
        Checks.atLeast("dim", dim, 1);
        if (pairs < 1 || pairs > dim) {
            throw Checks.fail("pairs must be in [1, dim = %d], got %d", dim, pairs);
        }
        Checks.inOpenRange("rho", rho, -1, 1);
        return new GaussianTask(Checks.format("gaussian-sparse-%dx%d-%dpairs-rho%s", dim, dim, pairs, rho),
                paired(dim, pairs, rho), dim);
    }

    /** Unit variances and {@code corr(x_i, y_i) = rho} for {@code i < pairs}, no other correlation. */
    private static double[][] paired(int dim, int pairs, double rho) {
        int d = 2 * dim;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            c[i][i] = 1;
        }
        for (int i = 0; i < pairs; i++) {
            c[i][dim + i] = rho;
            c[dim + i][i] = rho;
        }
        return c;
    }

    /** The joint covariance (a copy). */
    public double[][] covariance() {
        return copy(cov);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimX() {
        return dx;
    }

    @Override
    public int dimY() {
        return cov.length - dx;
    }

    @Override
    public double trueMutualInformation() {
        return mi;
    }

    @Override
    public TaskSample sample(int n, long seed) {
        double[] joint = sampleJoint(n, Seeds.rng(seed), null);
        return split(joint, n, cov.length, dx);
    }

    /**
     * Joint rows {@code L z} (each row scaled by {@code scale[i]} when given), row-major {@code [n, d]}.
     */
    double[] sampleJoint(int n, UniformRandomProvider rng, double[] scale) {
        Checks.atLeast("n", n, 1);
        int d = cov.length;
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] out = new double[n * d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = g.sample();
            }
            double s = scale == null ? 1.0 : scale[i];
            for (int r = 0; r < d; r++) {
                double v = 0;
                for (int k = 0; k <= r; k++) {
                    v += chol[r][k] * z[k];
                }
                out[i * d + r] = v * s;
            }
        }
        return out;
    }

    static TaskSample split(double[] joint, int n, int d, int dx) {
        int dy = d - dx;
        double[] xs = new double[n * dx];
        double[] ys = new double[n * dy];
        for (int i = 0; i < n; i++) {
            System.arraycopy(joint, i * d, xs, i * dx, dx);
            System.arraycopy(joint, i * d + dx, ys, i * dy, dy);
        }
        return new TaskSample(Samples.ofRowMajor("x", xs, n, dx), Samples.ofRowMajor("y", ys, n, dy));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
