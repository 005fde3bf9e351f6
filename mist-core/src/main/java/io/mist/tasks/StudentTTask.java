package io.mist.tasks;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.Matrices;
import io.mist.core.internal.Special;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A multivariate Student-t over {@code (X, Y)} with {@code nu} degrees of freedom and shape matrix
 * {@code S}: {@code v = L z / sqrt(w / nu)} with {@code z ~ N(0, I)}, {@code w ~ chi2(nu)}.
 *
 * <p>Marginals are Student-t with the same {@code nu} and the sub-blocks of {@code S}, and the entropy of a
 * d-dimensional t is {@code 0.5 log det S + log(Gamma(nu/2) (nu pi)^(d/2) / Gamma((nu+d)/2))
 * + (nu+d)/2 (psi((nu+d)/2) - psi(nu/2))}, so {@code I = H(X) + H(Y) - H(X,Y)} is the Gaussian term of
 * {@code S} plus a term {@code c(nu, dx, dy)} that stays positive even when {@code S} is diagonal
 * (Czyz et al. 2023, "Beyond Normal: On the Evaluation of Mutual Information Estimators", NeurIPS).
 */
public final class StudentTTask implements GroundTruthTask {
    private final GaussianTask shape;
    private final double nu;
    private final int dx;
    private final int dy;
    private final double mi;

    private StudentTTask(GaussianTask shape, double nu) {
        this.shape = shape;
        this.nu = nu;
        this.dx = shape.dimX();
        this.dy = shape.dimY();
        this.mi = shape.trueMutualInformation() + correction(nu, dx, dy);
    }

    /** A t distribution with shape matrix {@code cov} (X the first {@code dx} coordinates). */
    public static StudentTTask of(double[][] cov, int dx, double nu) {
        Checks.positive("nu (degrees of freedom)", nu);
        return new StudentTTask(GaussianTask.of(cov, dx), nu);
    }

    /** A t distribution whose shape matrix has {@code corr(x_i, y_i) = rho}. */
    public static StudentTTask componentwise(int dim, double rho, double nu) {
        Checks.positive("nu (degrees of freedom)", nu);
        return new StudentTTask(GaussianTask.componentwise(dim, rho), nu);
    }

    /**
     * The non-Gaussian part of the MI: {@code h(dx) + h(dy) - h(dx+dy) - h(0)} with
     * {@code h(d) = log Gamma(nu/2) - log Gamma((nu+d)/2) + (nu+d)/2 (psi((nu+d)/2) - psi(nu/2))}
     * (the {@code log Gamma(nu/2)} of h(0) and the {@code (nu pi)^(d/2)} terms cancel).
     */
    static double correction(double nu, int dx, int dy) {
        return h(nu, dx) + h(nu, dy) - h(nu, dx + dy) - h(nu, 0);
    }

    private static double h(double nu, int d) {
        double a = (nu + d) / 2;
        return Special.logGamma(nu / 2) - Special.logGamma(a) + a * (Special.digamma(a) - Special.digamma(nu / 2));
    }

    /** Degrees of freedom. */
    public double degreesOfFreedom() {
        return nu;
    }

    /** The shape matrix (a copy). */
    public double[][] shapeMatrix() {
        return shape.covariance();
    }

    @Override
    public String name() {
        return Checks.format("student-t-%dx%d-nu%s", dx, dy, nu);
    }

    @Override
    public int dimX() {
        return dx;
    }

    @Override
    public int dimY() {
        return dy;
    }

    @Override
    public double trueMutualInformation() {
        return mi;
    }

    @Override
    public TaskSample sample(int n, long seed) {
        Checks.atLeast("n", n, 1);
        UniformRandomProvider rng = Seeds.rng(seed);
        UniformRandomProvider chiRng = Seeds.rng(seed, 1);
        ContinuousSampler gamma = AhrensDieterMarsagliaTsangGammaSampler.of(chiRng, nu / 2, 2);
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1.0 / Math.sqrt(gamma.sample() / nu);
        }
        double[] joint = shape.sampleJoint(n, rng, scale);
        return GaussianTask.split(joint, n, dx + dy, dx);
    }

    /** Log-density of the joint t at a point (used to verify the closed form). */
    double logDensity(double[] v, int from, int to) {
        int[] idx = Matrices.range(from, to);
        double[][] s = Matrices.block(shape.covariance(), idx);
        int d = idx.length;
        double[] u = new double[d];
        System.arraycopy(v, from, u, 0, d);
        double[][] sol = Matrices.solve(s, column(u));
        double q = 0;
        for (int i = 0; i < d; i++) {
            q += u[i] * sol[i][0];
        }
        return Special.logGamma((nu + d) / 2) - Special.logGamma(nu / 2) - 0.5 * d * Math.log(nu * Math.PI)
                - 0.5 * Matrices.logDet(s) - (nu + d) / 2 * Math.log1p(q / nu);
    }

    private static double[][] column(double[] u) {
        double[][] c = new double[u.length][1];
        for (int i = 0; i < u.length; i++) {
            c[i][0] = u[i];
        }
        return c;
    }
}
