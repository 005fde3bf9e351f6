package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.ConditionalMutualInformationEstimator;
import io.mist.core.MIEstimate;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Matrices;
import io.mist.core.internal.Special;

/**
 * Mutual information of the Gaussian fitted to the data:
 * {@code I = 0.5 (log det S_xx + log det S_yy - log det S)} with {@code S} the sample covariance of
 * {@code [x, y]}; conditional MI from partial log-determinants,
 * {@code I(X;Y|Z) = 0.5 (log det S_xz + log det S_yz - log det S_z - log det S_xyz)}.
 *
 * <p>Exact (consistent, asymptotically efficient) for Gaussian data; for other data it is the MI of the
 * best Gaussian approximation, a lower bound on the true MI when the marginals are Gaussian (Cover and
 * Thomas, ch. 8) and a widely used baseline otherwise. Needs {@code n > dx + dy} (and {@code + dz}).
 *
 * <p><b>Standard error.</b> With canonical correlations {@code r_i}, {@code I = -0.5 sum log(1 - r_i^2)}
 * and the delta method gives {@code Var(I) ~ sum r_i^2 / n}, where {@code sum r_i^2 =
 * tr(S_xx^-1 S_xy S_yy^-1 S_yx)}; under independence {@code 2 n I} is asymptotically chi-square with
 * {@code dx dy} degrees of freedom (Wilks), contributing {@code dx dy / (2 n^2)}. The reported error is
 * the square root of their sum. <b>p-value</b>: Bartlett's test, {@code -(n - 1 - (dx + dy + 1)/2)
 * log(det S / (det S_xx det S_yy))} against chi-square({@code dx dy}) (Bartlett 1938; Anderson,
 * "An Introduction to Multivariate Statistical Analysis", sec. 12.4).
 */
public final class GaussianEstimator implements ConditionalMutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "gaussian";

    private final long seed;

    /** A Gaussian estimator; it is deterministic, the seed is only recorded. */
    public GaussianEstimator(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        int n = x.n();
        int dx = x.dim();
        int dy = y.dim();
        requireEnough(n, dx + dy);
        x.requireNonConstantColumns("x");
        y.requireNonConstantColumns("y");
        double[][] s = Matrices.covariance(Samples.concat(x, y));
        int[] xi = Matrices.range(0, dx);
        int[] yi = Matrices.range(dx, dx + dy);
        double[][] sxx = Matrices.block(s, xi);
        double[][] syy = Matrices.block(s, yi);
        double logRatio = logDet(s, "[x, y]") - logDet(sxx, "x") - logDet(syy, "y");
        double mi = -0.5 * logRatio;
        // sum of squared canonical correlations: tr(Sxx^-1 Sxy Syy^-1 Syx)
        double[][] sxy = Matrices.block(s, xi, yi);
        double[][] a = Matrices.solve(sxx, sxy);
        double[][] b = Matrices.solve(syy, Matrices.transpose(sxy));
        double[][] ab = Matrices.multiply(a, b);
        double sumR2 = 0;
        for (int i = 0; i < dx; i++) {
            sumR2 += ab[i][i];
        }
        double se = Math.sqrt(Math.max(sumR2, 0) / n + (double) dx * dy / (2.0 * n * n));
        double bartlett = -(n - 1 - (dx + dy + 1) / 2.0) * logRatio;
        double p = Special.chiSquareSurvival(bartlett, (double) dx * dy);
        MIEstimate.Builder r = MIEstimate.builder(NAME, mi).standardError(se).pValue(p).shape(x, y).seed(seed)
                .uncertaintyScheme(ResamplingScheme.NONE)
                .diagnostic("standard error is asymptotic (delta method); p-value from Bartlett's chi-square test");
        return r.build();
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y, Samples z) {
        Checks.sameRows("x", x, "y", y);
        Checks.sameRows("x", x, "z", z);
        int dx = x.dim();
        int dy = y.dim();
        int dz = z.dim();
        requireEnough(x.n(), dx + dy + dz);
        x.requireNonConstantColumns("x");
        y.requireNonConstantColumns("y");
        z.requireNonConstantColumns("z");
        double[][] s = Matrices.covariance(Samples.concat(Samples.concat(x, y), z));
        int[] xi = Matrices.range(0, dx);
        int[] yi = Matrices.range(dx, dx + dy);
        int[] zi = Matrices.range(dx + dy, dx + dy + dz);
        double cmi = 0.5 * (logDet(Matrices.block(s, Matrices.concat(xi, zi)), "[x, z]")
                + logDet(Matrices.block(s, Matrices.concat(yi, zi)), "[y, z]")
                - logDet(Matrices.block(s, zi), "z") - logDet(s, "[x, y, z]"));
        return MIEstimate.builder(NAME, cmi).shape(x, y).seed(seed).build();
    }

    private static void requireEnough(int n, int totalDim) {
        if (n <= totalDim + 1) {
            throw Checks.fail("gaussian needs more samples than dimensions: n = %d but the joint dimension is %d "
                    + "(need n > %d)", n, totalDim, totalDim + 1);
        }
    }

    private static double logDet(double[][] s, String what) {
        try {
            return Matrices.logDet(s);
        } catch (IllegalArgumentException e) {
            throw Checks.fail("the sample covariance of %s is singular (collinear columns?): %s", what,
                    e.getMessage());
        }
    }
}
