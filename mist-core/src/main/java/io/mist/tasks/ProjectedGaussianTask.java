package io.mist.tasks;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.Matrices;
import io.mist.core.internal.Seeds;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * High-dimensional variables with low-dimensional structure, the test bed of latent MI (Gowri, Lun, Klein and
 * Yin 2024, "Approximating mutual information of high-dimensional variables using learned representations"):
 * a scalar pair {@code (a, b)} with a 2 x 2 Gaussian covariance {@code C}, each coordinate projected to
 * {@code D} dimensions by a fixed random row vector ({@code x = a p}, {@code y = b q}, entries of {@code p}
 * and {@code q} standard normal from the projection seed), plus independent Gaussian noise of standard
 * deviation {@code sigma} on every ambient coordinate.
 *
 * <p>Exact mutual information: without noise {@code x} and {@code y} are invertible functions of {@code a}
 * and {@code b}, so {@code I = -1/2 ln(1 - C_ab^2 / (C_aa C_bb))}. With noise the pair is jointly Gaussian
 * with the {@code 2D x 2D} covariance {@code S = A C A^T + sigma^2 I} ({@code A} the block-diagonal projection)
 * and {@code I = 1/2 (ln det S_xx + ln det S_yy - ln det S)}, computed here from Cholesky log-determinants.
 */
public final class ProjectedGaussianTask implements GroundTruthTask {
    /** The latent covariance of the latentmi seed notebook. */
    private static final double[][] NOTEBOOK_LATENT = {{6, 3}, {3, 3.5}};
    /** The seed notebook's ambient dimension of each variable. */
    public static final int NOTEBOOK_DIM = 100;
    /** Projection seed of {@link #seedNotebook()} and {@link #noisy()}. */
    public static final long PROJECTION_SEED = 2121L;

    private final String name;
    private final double[][] latentChol;
    private final double[] p;
    private final double[] q;
    private final double sigma;
    private final double mi;

    private ProjectedGaussianTask(String name, double[][] latent, double[] p, double[] q, double sigma) {
        this.name = name;
        this.latentChol = Matrices.cholesky(latent);
        this.p = p;
        this.q = q;
        this.sigma = sigma;
        this.mi = sigma == 0 ? -0.5 * Math.log(1 - latent[0][1] * latent[0][1] / (latent[0][0] * latent[1][1]))
                : Matrices.gaussianMutualInformation(ambientCovariance(latent, p, q, sigma), p.length);
    }

    /**
     * The seed notebook's task: {@code C = [[6, 3], [3, 3.5]]}, {@code D = 100}, no noise;
     * {@code I = -1/2 ln(1 - 9/21) = 0.2798} nats. Rank one in each variable: plain KSG on the 200 columns
     * already does well.
     */
    public static ProjectedGaussianTask seedNotebook() {
        return of(NOTEBOOK_LATENT, NOTEBOOK_DIM, 0, PROJECTION_SEED);
    }

    /**
     * The discriminating variant: the seed notebook's task with unit Gaussian noise on every ambient
     * coordinate (exact I about 0.278 nats from the 200 x 200 log-determinants), where KSG on the raw data
     * and the Gaussian plug-in both fail.
     */
    public static ProjectedGaussianTask noisy() {
        return of(NOTEBOOK_LATENT, NOTEBOOK_DIM, 1, PROJECTION_SEED);
    }

    /**
     * A task with latent covariance {@code latentCov} (2 x 2, positive definite), {@code dim} ambient dimensions
     * per variable, ambient noise of standard deviation {@code noiseSd} and projections drawn from
     * {@code projectionSeed}.
     *
     * @throws IllegalArgumentException if the covariance is not 2 x 2 positive definite, {@code dim < 1} or
     *     {@code noiseSd} is negative or not finite
     */
    public static ProjectedGaussianTask of(double[][] latentCov, int dim, double noiseSd, long projectionSeed) {
        Checks.notNull("latentCov", latentCov);
        if (latentCov.length != 2 || latentCov[0].length != 2 || latentCov[1].length != 2
                || latentCov[0][1] != latentCov[1][0]) {
            throw Checks.fail("latentCov must be a symmetric 2 x 2 matrix");
        }
        Checks.atLeast("dim", dim, 1);
        Checks.finite("noiseSd", noiseSd);
        Checks.nonNegative("noiseSd", noiseSd);
        double[][] c = {latentCov[0].clone(), latentCov[1].clone()};
        try {
            Matrices.cholesky(c);
        } catch (IllegalArgumentException e) {
            throw Checks.fail("latentCov must be positive definite: %s", e.getMessage());
        }
        UniformRandomProvider rng = Seeds.rng(projectionSeed);
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] p = new double[dim];
        double[] q = new double[dim];
        for (int j = 0; j < dim; j++) {
            p[j] = g.sample();
        }
        for (int j = 0; j < dim; j++) {
            q[j] = g.sample();
        }
        String name = Checks.format("projected-gaussian-%dx%d%s", dim, dim, noiseSd == 0 ? ""
                : "-noise" + noiseSd);
        return new ProjectedGaussianTask(name, c, p, q, noiseSd);
    }

    /** {@code A C A^T + sigma^2 I}, the {@code 2D x 2D} covariance of {@code (x, y)}. */
    private static double[][] ambientCovariance(double[][] c, double[] p, double[] q, double sigma) {
        int d = p.length;
        double[][] s = new double[2 * d][2 * d];
        for (int i = 0; i < 2 * d; i++) {
            boolean xi = i < d;
            double ui = xi ? p[i] : q[i - d];
            for (int j = 0; j < 2 * d; j++) {
                boolean xj = j < d;
                double uj = xj ? p[j] : q[j - d];
                s[i][j] = c[xi ? 0 : 1][xj ? 0 : 1] * ui * uj + (i == j ? sigma * sigma : 0);
            }
        }
        return s;
    }

    /** The projection of {@code a} into x's ambient space (a copy). */
    public double[] projectionX() {
        return p.clone();
    }

    /** The projection of {@code b} into y's ambient space (a copy). */
    public double[] projectionY() {
        return q.clone();
    }

    /** The ambient noise standard deviation. */
    public double noiseSd() {
        return sigma;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimX() {
        return p.length;
    }

    @Override
    public int dimY() {
        return q.length;
    }

    @Override
    public double trueMutualInformation() {
        return mi;
    }

    @Override
    public TaskSample sample(int n, long seed) {
        Checks.atLeast("n", n, 1);
        int d = p.length;
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(seed));
        double[] xs = new double[n * d];
        double[] ys = new double[n * d];
        for (int i = 0; i < n; i++) {
            double z0 = g.sample();
            double z1 = g.sample();
            double a = latentChol[0][0] * z0;
            double b = latentChol[1][0] * z0 + latentChol[1][1] * z1;
            for (int j = 0; j < d; j++) {
                xs[i * d + j] = a * p[j] + (sigma > 0 ? sigma * g.sample() : 0);
            }
            for (int j = 0; j < d; j++) {
                ys[i * d + j] = b * q[j] + (sigma > 0 ? sigma * g.sample() : 0);
            }
        }
        return new TaskSample(Samples.ofRowMajor("x", xs, n, d), Samples.ofRowMajor("y", ys, n, d));
    }
}
