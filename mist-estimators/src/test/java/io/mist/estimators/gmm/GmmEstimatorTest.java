package io.mist.estimators.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.InvalidOptionException;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nonparametric.GaussianEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.testing.EstimatorContractTest;

import org.junit.jupiter.api.Test;

/**
 * GMM-MI against analytic ground truth. The contract runs with 3 bootstraps and 20,000 Monte Carlo samples
 * to stay fast; the README setup runs with the defaults.
 */
class GmmEstimatorTest extends EstimatorContractTest {
    static GmmConfig quick() {
        return GmmConfig.builder().nBootstrap(3).mcSamples(20_000).maxComponents(4).build();
    }

    @Override
    protected MutualInformationEstimator create(long seed) {
        return new GmmEstimator(quick(), seed);
    }

    /**
     * On Gaussian data one component is chosen and the estimate is the Gaussian plug-in MI of the bootstrap
     * fits: sampling error rho / sqrt(n) = 0.0134 at n 2000, bootstrap-mean bias about dx dy / 2n = 2.5e-4,
     * Monte Carlo error of each integral about 0.8 / sqrt(20,000) = 0.006 (averaged over 3 refits); four
     * sampling errors plus two Monte Carlo errors.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 4 * 0.6 / Math.sqrt(n) + 2 * 0.006;
    }

    /**
     * Independent Gaussian data: the plug-in MI of one fitted Gaussian is chi-square(1) / 2n (0.9999 quantile
     * 15.1 / 2n = 0.0038), the bootstrap mean adds about 1 / 2n, and the Monte Carlo error is tiny (the log
     * ratio is nearly constant): 0.01.
     */
    @Override
    protected double independenceTolerance(int n) {
        return 15.1 / (2.0 * n) + 1.0 / (2.0 * n) + 0.005;
    }

    /**
     * Swapping x and y fits the same mixture up to coordinate order, but the Monte Carlo draws differ: two
     * averages of 3 integrals with error 0.006 each differ by at most about 4 * 0.006 * sqrt(2 / 3).
     */
    @Override
    protected double symmetryTolerance() {
        return 0.02;
    }

    /** Pure Java: a few repeats suffice to see native growth. */
    @Override
    protected int memoryRepeats() {
        return 5;
    }

    @Test
    void readmeSetupMatchesTruthAndTheOriginal() {
        // GMM-MI's README: bivariate Gaussian, rho 0.6, n 200, 50 bootstraps; the original reports 0.21 +/- 0.04
        TaskSample s = GaussianTask.bivariate(0.6).sample(200, DATA_SEED);
        MIEstimate r = new GmmEstimator(GmmConfig.defaults(), 42).estimate(s.x(), s.y());
        assertEquals(0.2231, r.value(), 0.05, r::toString);
        assertTrue(r.standardError() >= 0.02 && r.standardError() <= 0.08, r::toString);
        assertEquals(ResamplingScheme.BOOTSTRAP, r.uncertaintyScheme());
        // on the same sample, one Gaussian component reproduces the analytic plug-in value (sampling error cancels)
        double plugIn = new GaussianEstimator(1).estimate(s.x(), s.y()).value();
        assertEquals(plugIn, r.value(), 0.02, "plug-in " + plugIn);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.contains("1 components chosen")), r.diagnostics()::toString);
    }

    @Test
    void twoSeparatedGaussiansGiveTwoComponents() {
        // BIC is consistent: it must find exactly 2 on every sample. Cross-validation (the default) compares
        // held-out log-likelihoods whose noise (about 1e-3 per sample at n 5000) exceeds threshold_components,
        // so a spurious third component can win by chance; it must find 2 on most samples and never fewer.
        int twos = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Samples v = Samples.ofRowMajor("v", KnownMixture.MIXTURE.sample(5000, Seeds.rng(seed)), 5000, 2);
            FittedGmm bic = new GmmEstimator(GmmConfig.builder().metric(GmmConfig.Metric.BIC).nBootstrap(0).build(), 5)
                    .fit(v.columns(0), v.columns(1));
            assertEquals(2, bic.components(), "bic, data seed " + seed);
            FittedGmm valid = new GmmEstimator(GmmConfig.builder().nBootstrap(0).build(), 5)
                    .fit(v.columns(0), v.columns(1));
            assertTrue(valid.components() >= 2 && valid.components() <= 3, "valid, data seed " + seed);
            twos += valid.components() == 2 ? 1 : 0;
        }
        assertTrue(twos >= 3, twos + " of 5 samples gave 2 components");
        Samples v = Samples.ofRowMajor("v", KnownMixture.MIXTURE.sample(5000, Seeds.rng(1)), 5000, 2);
        FittedGmm fit = new GmmEstimator(GmmConfig.builder().nBootstrap(10).build(), 5).fit(v.columns(0), v.columns(1));
        assertEquals(2, fit.components());
        MIEstimate r = fit.estimate(GmmConfig.Integral.QUAD, 100, 1, 2);
        // quadrature removes Monte Carlo noise: only the sampling error (reported) and a bootstrap bias remain
        assertEquals(KnownMixture.TRUE_MI, r.value(), 3 * r.standardError() + 0.005, r::toString);
        assertTrue(r.standardError() > 0.002 && r.standardError() < 0.03, r::toString);
    }

    @Test
    void multivariateXAndYWithinThreeStandardErrors() {
        double[][] cov = new double[5][5];
        for (int i = 0; i < 5; i++) {
            cov[i][i] = 1;
        }
        cov[0][3] = cov[3][0] = 0.5;
        cov[1][4] = cov[4][1] = 0.4;
        cov[2][3] = cov[3][2] = 0.3;
        GaussianTask task = GaussianTask.of(cov, 3);
        TaskSample s = task.sample(2000, 4);
        MIEstimate r = new GmmEstimator(GmmConfig.builder().nBootstrap(20).mcSamples(50_000).build(), 42)
                .estimate(s.x(), s.y());
        assertEquals(3, r.dx());
        assertEquals(2, r.dy());
        assertEquals(task.trueMutualInformation(), r.value(), 3 * r.standardError(), r::toString);
    }

    @Test
    void conditionalMiOfAGaussianChainIsAboutZero() {
        // X -> Z -> Y: z = x + e1, y = z + e2, so I(X;Y|Z) = 0 while I(X;Y) = 0.5 log(3/2) = 0.203
        int n = 2000;
        double[][] cov = {{1, 1, 1}, {1, 2, 2}, {1, 2, 3}}; // order x, z, y
        TaskSample s = GaussianTask.of(cov, 1).sample(n, 5);
        Samples x = s.x();
        Samples z = s.y().columns(0);
        Samples y = s.y().columns(1);
        GmmEstimator est = new GmmEstimator(GmmConfig.builder().nBootstrap(10).mcSamples(20_000).build(), 3);
        MIEstimate c = est.estimate(x, y, z);
        // plug-in CMI of one Gaussian: chi-square(1) / 2n, bootstrap bias 1 / 2n, small Monte Carlo error
        assertEquals(0.0, c.value(), 3 * c.standardError() + 0.01, c::toString);
        MIEstimate m = est.estimate(x, y);
        assertEquals(0.5 * Math.log(1.5), m.value(), 4 * m.standardError() + 0.01, m::toString);
    }

    @Test
    void categoricalVersusContinuous() {
        // C uniform on {0, 1}; Y | C ~ N(+-1, 1); I(C;Y) = H(Y) - H(Y|C) by a fine 1-D integral
        int n = 2000;
        org.apache.commons.rng.UniformRandomProvider rng = Seeds.rng(11);
        org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian g =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(rng);
        int[] c = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextInt(2);
            y[i] = (c[i] == 0 ? -1 : 1) + g.sample();
        }
        double hy = 0;
        double h = 1e-3;
        for (double t = -12; t <= 12; t += h) {
            double p = 0.5 * (phi(t + 1) + phi(t - 1));
            hy -= p * Math.log(p) * h;
        }
        double truth = hy - 0.5 * Math.log(2 * Math.PI * Math.E);
        GmmEstimator est = new GmmEstimator(GmmConfig.builder().nBootstrap(10).mcSamples(20_000).build(), 2);
        MIEstimate r = est.estimate(Samples.ofDiscrete("c", c), Samples.of("y", y));
        assertEquals(truth, r.value(), 4 * r.standardError() + 0.01, "truth " + truth + " " + r);
        MIEstimate q = new GmmEstimator(GmmConfig.builder().nBootstrap(10).integral(GmmConfig.Integral.QUAD).build(), 2)
                .estimate(Samples.of("y", y), Samples.ofDiscrete("c", c));
        assertEquals(r.value(), q.value(), 0.01, q::toString);
    }

    @Test
    void klDivergenceBetweenMarginals() {
        // x ~ N(0, 1), y ~ N(1, 4) independent: KL(p_x || p_y) = log 2 + (1 + 1) / 8 - 1/2 = 0.4431,
        // KL(p_y || p_x) = -log 2 + (4 + 1) / 2 - 1/2 = 1.3069
        int n = 2000;
        org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian g =
                org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(Seeds.rng(12));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.sample();
            y[i] = 1 + 2 * g.sample();
        }
        GmmConfig.Builder b = GmmConfig.builder().nBootstrap(10).mcSamples(20_000);
        Samples xs = Samples.of("x", x);
        Samples ys = Samples.of("y", y);
        KlEstimate f = new GmmEstimator(b.kl(GmmConfig.Kl.FORWARD).build(), 1).klDivergence(xs, ys);
        KlEstimate r = new GmmEstimator(b.kl(GmmConfig.Kl.REVERSE).build(), 1).klDivergence(xs, ys);
        assertEquals("KL(p_x || p_y)", f.quantity());
        // a divergence is not an MI estimate: the MI entry point refuses it, naming the option
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> new GmmEstimator(b.kl(GmmConfig.Kl.FORWARD).build(), 1).estimate(xs, ys));
        assertEquals("kl", e.option());
        assertThrows(IllegalArgumentException.class,
                () -> EstimateMI.with("gmm").option("kl", "forward").estimate(x, y));
        assertEquals(Math.log(2) + 0.25 - 0.5, f.value(), 4 * f.standardError() + 0.01, f::toString);
        assertEquals(-Math.log(2) + 2.5 - 0.5, r.value(), 4 * r.standardError() + 0.02, r::toString);
    }

    @Test
    void singleFitHasNoErrorAndRegistryOptionsWork() {
        TaskSample s = GaussianTask.bivariate(0.6).sample(500, 8);
        MIEstimate r = EstimateMI.with("gmm").option("n_bootstrap", "0").option("integral", "quad")
                .option("metric", "bic").option("init_type", "kmeans_sklearn").seed(3).estimate(s.x(), s.y());
        assertTrue(!r.hasStandardError(), r::toString);
        assertEquals(ResamplingScheme.NONE, r.uncertaintyScheme());
        double plugIn = new GaussianEstimator(1).estimate(s.x(), s.y()).value();
        assertEquals(plugIn, r.value(), 0.01);
        for (String init : InitType.labels()) {
            MIEstimate e = EstimateMI.with("gmm").option("n_bootstrap", "2").option("init_type", init)
                    .option("mc_samples", "5000").option("metric", "aic").seed(3).estimate(s.x(), s.y());
            assertEquals(plugIn, e.value(), 0.05, init + ": " + e);
        }
        MIEstimate fixed = EstimateMI.with("gmm").option("fixed_components", "2").option("n_bootstrap", "2")
                .option("mc_samples", "5000").seed(3).estimate(s.x(), s.y());
        assertTrue(fixed.diagnostics().stream().anyMatch(d -> d.contains("2 components chosen by fixed_components")),
                fixed.diagnostics()::toString);
    }

    @Test
    void componentSearchWarnsWhenItHitsTheCap() {
        Samples v = Samples.ofRowMajor("v", KnownMixture.MIXTURE.sample(2000, Seeds.rng(4)), 2000, 2);
        MIEstimate r = new GmmEstimator(GmmConfig.builder().maxComponents(1).nBootstrap(2).mcSamples(5000).build(), 1)
                .estimate(v.columns(0), v.columns(1));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.contains("max_components = 1")), r.diagnostics()::toString);
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        GmmEstimator est = new GmmEstimator(quick(), 1);
        double[] constant = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            constant[i] = 2;
            y[i] = i;
        }
        assertMessage(() -> est.estimate(constant, y), "x: column 0 has zero variance");
        assertMessage(() -> est.estimate(new double[] {1, 2, 3}, new double[] {3, 1, 2}), "at least 4 samples");
        TaskSample s2 = GaussianTask.componentwise(2, 0.5).sample(100, 1);
        assertMessage(() -> new GmmEstimator(GmmConfig.builder().integral(GmmConfig.Integral.QUAD).build(), 1)
                .estimate(s2.x(), s2.y()), "integral=quad");
        TaskSample s3 = GaussianTask.of(new double[][] {{1, 0.5, 0}, {0.5, 1, 0}, {0, 0, 1}}, 2).sample(100, 1);
        assertMessage(() -> new GmmEstimator(GmmConfig.builder().kl(GmmConfig.Kl.FORWARD).build(), 1)
                .klDivergence(s3.x(), s3.y()), "kl");
        assertMessage(() -> GmmConfig.builder().nFolds(1).build(), "n_folds");
        assertMessage(() -> GmmConfig.builder().regCovar(-1).build(), "reg_covar");
        assertMessage(() -> GmmConfig.builder().mcSamples(10).build(), "mc_samples");
        assertMessage(() -> EstimateMI.with("gmm").option("metric", "loglik").estimate(y, y), "metric");
        assertMessage(() -> new GmmEstimator(GmmConfig.builder().fixedComponents(80).build(), 1).estimate(s2.x(),
                s2.y()), "fixed_components");
        assertMessage(() -> est.estimateCategorical(Samples.of("c", new double[] {0.5, 1, 0, 1, 0, 1, 0, 1}),
                Samples.of("y", new double[] {1, 2, 3, 4, 5, 6, 7, 8})), "not an integer");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    private static double phi(double t) {
        return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    }
}
