package io.mist.estimators.gmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import org.junit.jupiter.api.Test;

/** Unit tests of the EM fitter, the initialisations and the quadrature rule. */
class EmFitterTest {
    static final Mixture THREE = Mixture.of(new double[] {0.3, 0.5, 0.2},
            new double[][] {{-2, 0, 1}, {1, 1, -1}, {3, -2, 0}},
            new double[][][] {
                {{1, 0.3, 0}, {0.3, 0.5, 0.1}, {0, 0.1, 1}},
                {{0.6, -0.2, 0.1}, {-0.2, 1, 0}, {0.1, 0, 0.4}},
                {{0.3, 0, 0}, {0, 0.3, 0}, {0, 0, 0.3}}});

    @Test
    void logLikelihoodNeverDecreasesForEveryInitialisation() {
        int n = 1500;
        double[] data = THREE.sample(n, Seeds.rng(1));
        for (InitType init : InitType.values()) {
            Mixture start = init.initial(data, n, 3, 3, 1.0, 1e-15, Seeds.rng(2));
            EmFitter.Result r = EmFitter.fit(data, n, 3, start, 1e-15, 1e-10, 2000);
            double[] trace = r.trace();
            assertTrue(trace.length > 2, init + ": " + trace.length);
            for (int t = 1; t < trace.length; t++) {
                // EM is monotone; reg_covar = 1e-15 perturbs it by far less than the rounding allowance
                assertTrue(trace[t] >= trace[t - 1] - 1e-12 * Math.abs(trace[t - 1]),
                        init + " step " + t + ": " + trace[t - 1] + " -> " + trace[t]);
            }
            assertTrue(r.converged(), init.label());
            assertEquals(trace[trace.length - 1], r.meanLogLikelihood(), 0.0);
            assertEquals(r.meanLogLikelihood(), EmFitter.meanLogLikelihood(data, n, 3, r.mixture()), 1e-9);
        }
    }

    /** Two clusters of 300 and 100 points in the box [0, 2] x [0, 3] (corners included). */
    private static double[] twoClusters() {
        org.apache.commons.rng.UniformRandomProvider rng = Seeds.rng(21);
        double[] data = new double[400 * 2];
        for (int i = 0; i < 400; i++) {
            boolean a = i < 300;
            data[2 * i] = a ? 0.2 + 0.3 * rng.nextDouble() : 1.5 + 0.3 * rng.nextDouble();
            data[2 * i + 1] = a ? 0.2 + 0.6 * rng.nextDouble() : 2.0 + 0.6 * rng.nextDouble();
        }
        data[0] = 0;
        data[1] = 0;
        data[798] = 2;
        data[799] = 3;
        return data;
    }

    @Test
    void initialisationsFollowGmmMiDefinitions() {
        double[] data = twoClusters();
        int n = 400;
        // automatic scale: the disc whose area is the box area 6 over k = 2 has radius sqrt(3 / pi)
        assertEquals(Math.sqrt(3 / Math.PI), InitType.automaticScale(data, n, 2, 2), 1e-12);
        double s = Math.sqrt(3 / Math.PI);
        for (InitType t : new InitType[] {InitType.RANDOM, InitType.MINMAX}) {
            Mixture m = t.initial(data, n, 2, 2, 0, 1e-15, Seeds.rng(22));
            for (int c = 0; c < 2; c++) {
                assertEquals(0.5, m.weight(c), 1e-15, t.label());
                double[][] cov = m.covariance(c);
                assertEquals(s * s, cov[0][0], 1e-12, t.label());
                assertEquals(s * s, cov[1][1], 1e-12, t.label());
                assertEquals(0.0, cov[0][1], 0.0, t.label());
            }
        }
        Mixture mm = InitType.MINMAX.initial(data, n, 2, 3, 0.25, 0, Seeds.rng(23));
        for (int c = 0; c < 3; c++) {
            double[] mu = mm.mean(c);
            assertTrue(mu[0] >= 0 && mu[0] <= 2 && mu[1] >= 0 && mu[1] <= 3, java.util.Arrays.toString(mu));
            assertEquals(0.0625, mm.covariance(c)[0][0], 1e-15);
        }
        // kmeans: weights are the cluster fractions, covariances the cluster scatter over the total n
        Mixture km = InitType.KMEANS.initial(data, n, 2, 2, 0, 0, Seeds.rng(24));
        int big = km.weight(0) > km.weight(1) ? 0 : 1;
        assertEquals(0.75, km.weight(big), 1e-12);
        double[] mean = new double[2];
        for (int i = 0; i < 300; i++) {
            mean[0] += data[2 * i] / 300;
            mean[1] += data[2 * i + 1] / 300;
        }
        double sxx = 0;
        for (int i = 0; i < 300; i++) {
            sxx += (data[2 * i] - mean[0]) * (data[2 * i] - mean[0]);
        }
        assertArrayEquals(mean, km.mean(big), 1e-12);
        assertEquals(sxx / n, km.covariance(big)[0][0], 1e-12);
        // randomized_kmeans: the same clusters, means pushed by scale * N(0, Sigma_c)
        Mixture tiny = InitType.RANDOMIZED_KMEANS.initial(data, n, 2, 2, 1e-9, 0, Seeds.rng(24));
        Mixture pushed = InitType.RANDOMIZED_KMEANS.initial(data, n, 2, 2, 0, 0, Seeds.rng(24));
        assertArrayEquals(km.mean(big), tiny.mean(big), 1e-8);
        assertEquals(km.covariance(big)[0][0], pushed.covariance(big)[0][0], 1e-15);
        double shift = Math.abs(pushed.mean(big)[0] - km.mean(big)[0]);
        assertTrue(shift > 1e-6 && shift < 5 * Math.sqrt(sxx / n), "push " + shift);
    }

    @Test
    void responsibilitiesSumToOne() {
        int n = 400;
        double[] data = THREE.sample(n, Seeds.rng(3));
        double[][] resp = EmFitter.responsibilities(data, n, 3, THREE);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (double[] rc : resp) {
                assertTrue(rc[i] >= 0 && rc[i] <= 1);
                s += rc[i];
            }
            assertEquals(1.0, s, 1e-12);
        }
        // far from every component the log-sum-exp still normalises (plain exp would underflow to 0/0)
        double[] far = {1e3, -1e3, 1e3};
        double[][] r = EmFitter.responsibilities(far, 1, 3, THREE);
        assertEquals(1.0, r[0][0] + r[1][0] + r[2][0], 1e-12);
    }

    @Test
    void recoversTheGeneratingMixture() {
        int n = 20000;
        double[] data = THREE.sample(n, Seeds.rng(4));
        Mixture start = InitType.KMEANS_SKLEARN.initial(data, n, 3, 3, 1.0, 1e-15, Seeds.rng(5));
        Mixture fit = EmFitter.fit(data, n, 3, start, 1e-15, 1e-8, 5000).mixture();
        // match components by nearest mean; standard error of a weight is sqrt(w(1-w)/n) <= 0.0036
        for (int c = 0; c < 3; c++) {
            double[] mu = THREE.mean(c);
            int best = 0;
            double bd = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 3; j++) {
                double[] m = fit.mean(j);
                double dd = 0;
                for (int i = 0; i < 3; i++) {
                    dd += (m[i] - mu[i]) * (m[i] - mu[i]);
                }
                if (dd < bd) {
                    bd = dd;
                    best = j;
                }
            }
            assertEquals(THREE.weight(c), fit.weight(best), 0.015);
            assertTrue(Math.sqrt(bd) < 0.08, "mean of component " + c + " off by " + Math.sqrt(bd));
        }
    }

    @Test
    void duplicatePointsAreRegularisedWithADiagnosticNeverNaN() {
        // 60% of the rows are one repeated point: a component collapses onto it
        int n = 500;
        double[] data = new double[n * 2];
        org.apache.commons.rng.UniformRandomProvider rng = Seeds.rng(6);
        for (int i = 0; i < n; i++) {
            boolean dup = i % 5 < 3;
            data[2 * i] = dup ? 1.5 : rng.nextDouble() * 4;
            data[2 * i + 1] = dup ? -0.5 : rng.nextDouble() * 4;
        }
        Mixture start = InitType.KMEANS_SKLEARN.initial(data, n, 2, 2, 1.0, 1e-6, Seeds.rng(7));
        EmFitter.Result r = EmFitter.fit(data, n, 2, start, 1e-6, 1e-5, 500);
        assertTrue(Double.isFinite(r.meanLogLikelihood()));
        assertTrue(r.diagnostics().stream().anyMatch(s -> s.contains("collapsed")), r.diagnostics()::toString);
        // the whole estimator on such data returns a finite value and says why it is large
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = data[2 * i];
            y[i] = data[2 * i + 1];
        }
        MIEstimate e = new GmmEstimator(GmmConfig.builder().regCovar(1e-6).nBootstrap(3).mcSamples(5000)
                .maxComponents(4).build(), 1).estimate(Samples.of("x", x), Samples.of("y", y));
        assertTrue(Double.isFinite(e.value()) && Double.isFinite(e.standardError()), e::toString);
        assertTrue(e.diagnostics().stream().anyMatch(s -> s.contains("collapsed")), e.diagnostics()::toString);
        // and with the default reg_covar = 1e-15: still finite, still explained
        MIEstimate d = new GmmEstimator(GmmConfig.builder().nBootstrap(3).mcSamples(5000).maxComponents(4).build(), 1)
                .estimate(Samples.of("x", x), Samples.of("y", y));
        assertTrue(Double.isFinite(d.value()) && Double.isFinite(d.standardError()), d::toString);
        assertTrue(d.diagnostics().stream().anyMatch(s -> s.contains("collapsed") || s.contains("singular")),
                d.diagnostics()::toString);
    }

    @Test
    void singularCovarianceGetsJitterInsteadOfFailing() {
        // all points on a line: every covariance is rank one; reg_covar = 0 leaves it singular
        int n = 50;
        double[] data = new double[n * 2];
        for (int i = 0; i < n; i++) {
            data[2 * i] = i;
            data[2 * i + 1] = 2 * i;
        }
        Mixture start = InitType.RANDOM_SKLEARN.initial(data, n, 2, 1, 1.0, 0, Seeds.rng(8));
        EmFitter.Result r = EmFitter.fit(data, n, 2, start, 0, 1e-5, 100);
        assertTrue(Double.isFinite(r.meanLogLikelihood()));
        assertFalse(r.diagnostics().isEmpty());
        assertTrue(r.diagnostics().get(0).contains("singular"), r.diagnostics()::toString);
    }

    @Test
    void badArgumentsAreRejected() {
        double[] data = THREE.sample(10, Seeds.rng(9));
        assertThrows(IllegalArgumentException.class, () -> EmFitter.fit(data, 11, 3, THREE, 1e-15, 1e-5, 10));
        assertThrows(IllegalArgumentException.class, () -> EmFitter.fit(data, 10, 3, THREE, -1, 1e-5, 10));
        assertThrows(IllegalArgumentException.class,
                () -> InitType.RANDOM.initial(data, 10, 3, 11, 1, 1e-15, Seeds.rng(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitType.parse("kmean"));
        assertTrue(e.getMessage().contains("init_type"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> Mixture.of(new double[] {1},
                new double[][] {{0, 0}}, new double[][][] {{{1, 2}, {2, 1}}}));
    }

    @Test
    void gaussHermiteIntegratesGaussianMoments() {
        double[][] rule = GaussHermite.rule(MixtureInformation.HERMITE_ORDER);
        double s0 = 0;
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < rule[0].length; i++) {
            double t = rule[0][i];
            s0 += rule[1][i];
            s2 += rule[1][i] * t * t;
            s4 += rule[1][i] * t * t * t * t;
        }
        // int exp(-t^2) t^{2j} dt = Gamma(j + 1/2): sqrt(pi), sqrt(pi)/2, 3 sqrt(pi)/4
        assertEquals(Math.sqrt(Math.PI), s0, 1e-12);
        assertEquals(Math.sqrt(Math.PI) / 2, s2, 1e-12);
        assertEquals(3 * Math.sqrt(Math.PI) / 4, s4, 1e-11);
    }
}
