package io.mist.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;
import io.mist.testing.MeanProductEstimator;

import org.junit.jupiter.api.Test;

/**
 * The resampling wrappers on a statistic whose standard error is known: the mean of {@code x y} for a
 * standard bivariate Gaussian with correlation {@code rho} has standard error {@code sqrt((1 + rho^2) / n)}.
 */
class UncertaintyTest {
    private static final double RHO = 0.5;

    private static MeanProductEstimator statistic(ResamplingScheme scheme) {
        return new MeanProductEstimator(scheme, 0, 1);
    }

    /** sd(x y) / sqrt(n) of this sample (denominator n), the standard error a resampling scheme estimates. */
    private static double plugInStandardError(TaskSample s) {
        int n = s.x().n();
        double m = 0;
        double m2 = 0;
        for (int i = 0; i < n; i++) {
            double p = s.x().get(i, 0) * s.y().get(i, 0);
            m += p;
            m2 += p * p;
        }
        m /= n;
        return Math.sqrt((m2 / n - m * m) / n);
    }

    private static MIEstimate withError(MutualInformationEstimator est, TaskSample s, int b, long seed, int threads) {
        MIEstimate e = est.estimate(s.x(), s.y());
        return Uncertainty.withStandardError(est, s.x(), s.y(), e, b, seed, threads);
    }

    /**
     * B = 2000 bootstrap replicates estimate the plug-in standard error with relative Monte Carlo error
     * 1/sqrt(2B) = 1.6% (allowed: 4 of them). Against the analytic error the sample's own spread adds
     * sqrt((mu4/sigma^4 - 1) / n) / 2 = 3.9% (x y has kurtosis 12.8 at rho 0.5), so 4 x 4.2% = 17%.
     */
    @Test
    void bootstrapStandardErrorMatchesTheKnownOne() {
        int n = 2000;
        int b = 2000;
        TaskSample s = GaussianTask.bivariate(RHO).sample(n, 1);
        MIEstimate r = withError(statistic(ResamplingScheme.BOOTSTRAP), s, b, 3, 2);
        assertEquals(plugInStandardError(s), r.standardError(), 4 / Math.sqrt(2.0 * b) * plugInStandardError(s));
        double analytic = Math.sqrt((1 + RHO * RHO) / n);
        assertEquals(analytic, r.standardError(), 0.17 * analytic);
        assertEquals(ResamplingScheme.BOOTSTRAP, r.uncertaintyScheme());
        assertTrue(r.diagnostics().contains("standard error from 2000 bootstrap replicates"), r.diagnostics()::toString);
        assertEquals(statistic(ResamplingScheme.BOOTSTRAP).estimate(s.x(), s.y()).value(), r.value());
    }

    /**
     * Subsampling halves: each round's two halves give an unbiased variance at size n/2 with one degree of
     * freedom, so over B = 2000 rounds the standard error has relative Monte Carlo error 1/sqrt(2B) = 1.6%
     * (allowed: 4 of them) around the plug-in value; a sqrt(m/n) rescaling of the pooled spread would come
     * out sqrt(2) too small. Checked at two sizes, so the 1/sqrt(n) scaling is checked too.
     */
    @Test
    void subsamplingStandardErrorMatchesTheKnownOneAtEverySize() {
        int b = 2000;
        for (int n : new int[] {500, 4000}) {
            TaskSample s = GaussianTask.bivariate(RHO).sample(n, n);
            MIEstimate r = withError(statistic(ResamplingScheme.SUBSAMPLING), s, b, 5, 2);
            double expected = plugInStandardError(s);
            assertEquals(expected, r.standardError(), 4 / Math.sqrt(2.0 * b) * expected, "n = " + n);
            assertEquals(ResamplingScheme.SUBSAMPLING, r.uncertaintyScheme());
        }
    }

    @Test
    void estimatorsWithoutAResamplingSchemeAreBootstrapped() {
        TaskSample s = GaussianTask.bivariate(RHO).sample(300, 2);
        MIEstimate r = withError(statistic(ResamplingScheme.NONE), s, 50, 3, 1);
        assertEquals(ResamplingScheme.BOOTSTRAP, r.uncertaintyScheme());
        assertEquals(withError(statistic(ResamplingScheme.BOOTSTRAP), s, 50, 3, 1).standardError(),
                r.standardError(), 0.0);
    }

    /**
     * Under independence a permutation p-value is uniform on {1, ..., P + 1} / (P + 1): over 400 data sets
     * with P = 19 its mean is 0.525 (standard error 0.288 / sqrt(400) = 0.0144) and P(p = 0.05) is 0.05
     * (standard error 0.011); 4 standard errors each.
     */
    @Test
    void permutationPValuesAreUniformUnderIndependence() {
        MeanProductEstimator est = statistic(ResamplingScheme.BOOTSTRAP);
        int sets = 400;
        int permutations = 19;
        double sum = 0;
        int smallest = 0;
        for (int k = 0; k < sets; k++) {
            TaskSample s = IndependentTask.of(1, 1).sample(100, 1000 + k);
            double p = Uncertainty.withPermutationTest(est, s.x(), s.y(), est.estimate(s.x(), s.y()), permutations,
                    k, 1).pValue();
            sum += p;
            if (p <= 1.0 / (permutations + 1) + 1e-12) {
                smallest++;
            }
        }
        assertEquals(0.525, sum / sets, 4 * 0.0144);
        assertEquals(0.05, (double) smallest / sets, 4 * 0.011);
    }

    /** At rho 0.5, n 200, the statistic is about 0.5 and its permutation spread 0.07: no permutation reaches it. */
    @Test
    void permutationPValueIsTheSmallestPossibleUnderStrongDependence() {
        MeanProductEstimator est = statistic(ResamplingScheme.BOOTSTRAP);
        TaskSample s = GaussianTask.bivariate(RHO).sample(200, 4);
        MIEstimate r = Uncertainty.withPermutationTest(est, s.x(), s.y(), est.estimate(s.x(), s.y()), 99, 1, 2);
        assertEquals(0.01, r.pValue(), 1e-15);
        assertTrue(r.hasPValue());
    }

    @Test
    void sameSeedSameResultAndThreadCountDoesNotMatter() {
        TaskSample s = GaussianTask.bivariate(RHO).sample(400, 6);
        for (ResamplingScheme scheme : new ResamplingScheme[] {ResamplingScheme.BOOTSTRAP,
            ResamplingScheme.SUBSAMPLING}) {
            MeanProductEstimator est = statistic(scheme);
            double one = withError(est, s, 64, 11, 1).standardError();
            assertEquals(one, withError(est, s, 64, 11, 1).standardError(), 0.0);
            assertEquals(one, withError(est, s, 64, 11, 2).standardError(), 0.0);
            assertEquals(one, withError(est, s, 64, 11, 3).standardError(), 0.0);
            assertNotEquals(one, withError(est, s, 64, 12, 1).standardError());
        }
        TaskSample ind = IndependentTask.of(1, 1).sample(100, 7);
        MeanProductEstimator est = statistic(ResamplingScheme.BOOTSTRAP);
        MIEstimate e = est.estimate(ind.x(), ind.y());
        double p1 = Uncertainty.withPermutationTest(est, ind.x(), ind.y(), e, 99, 5, 1).pValue();
        assertEquals(p1, Uncertainty.withPermutationTest(est, ind.x(), ind.y(), e, 99, 5, 2).pValue(), 0.0);
        assertNotEquals(p1, Uncertainty.withPermutationTest(est, ind.x(), ind.y(), e, 99, 6, 1).pValue());
    }

    @Test
    void badArgumentsAreRejected() {
        TaskSample s = GaussianTask.bivariate(RHO).sample(50, 8);
        MeanProductEstimator est = statistic(ResamplingScheme.BOOTSTRAP);
        MIEstimate e = est.estimate(s.x(), s.y());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> Uncertainty.withStandardError(est, s.x(), s.y(), e, 1, 1, 1));
        assertEquals("bootstrap replicates must be at least 2, got 1", b.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> Uncertainty.withPermutationTest(est, s.x(), s.y(), e, 0, 1, 1));
        assertEquals("permutations must be at least 1, got 0", p.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> Uncertainty.withStandardError(est, s.x(), s.y(), e, 10, 1, 0));
        assertEquals("threads must be at least 1, got 0", t.getMessage());
        Samples shorter = s.y().rows(0, 40);
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Uncertainty.withStandardError(est, s.x(), shorter, e, 10, 1, 1));
        assertTrue(rows.getMessage().contains("same number of samples"), rows::getMessage);
        Samples one = Samples.of("x", new double[] {1});
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> Uncertainty
                .withStandardError(statistic(ResamplingScheme.SUBSAMPLING), one, one, e, 10, 1, 1));
        assertTrue(tiny.getMessage().contains("subsampling needs at least 20 samples"), tiny::getMessage);
    }

    /**
     * Too few rows to resample fail instead of reporting a standard error: at n = 5 a bootstrap, and below
     * 2 x 10 rows subsampling (halves of 2 rows gave KSG the same value in every split: standard error 0).
     */
    @Test
    void tooFewRowsToResampleFailWithTheMinimum() {
        TaskSample five = GaussianTask.bivariate(RHO).sample(5, 8);
        MeanProductEstimator boot = statistic(ResamplingScheme.BOOTSTRAP);
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> withError(boot, five, 10, 1, 1));
        assertEquals("the bootstrap needs at least 10 samples for a standard error, got 5; use more rows or no "
                + "resampling standard error", b.getMessage());
        MeanProductEstimator sub = statistic(ResamplingScheme.SUBSAMPLING);
        TaskSample nineteen = GaussianTask.bivariate(RHO).sample(2 * Uncertainty.MIN_RESAMPLE_ROWS - 1, 8);
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> withError(sub, nineteen, 10, 1, 1));
        assertTrue(s.getMessage().startsWith("subsampling needs at least 20 samples"), s::getMessage);
        TaskSample twenty = GaussianTask.bivariate(RHO).sample(2 * Uncertainty.MIN_RESAMPLE_ROWS, 8);
        assertTrue(withError(sub, twenty, 10, 1, 1).standardError() > 0);
        TaskSample ten = GaussianTask.bivariate(RHO).sample(Uncertainty.MIN_RESAMPLE_ROWS, 8);
        assertTrue(withError(boot, ten, 10, 1, 1).standardError() > 0);
    }

    /** A statistic that no resample moves gets standard error 0 and a diagnostic saying what 0 means. */
    @Test
    void replicatesThatNeverMoveSayWhatZeroMeans() {
        double[] ones = new double[40];
        java.util.Arrays.fill(ones, 1.0);
        Samples x = Samples.of("x", ones);
        Samples y = Samples.of("y", ones);
        for (ResamplingScheme scheme : new ResamplingScheme[] {ResamplingScheme.BOOTSTRAP,
            ResamplingScheme.SUBSAMPLING}) {
            MeanProductEstimator est = statistic(scheme);
            MIEstimate r = Uncertainty.withStandardError(est, x, y, est.estimate(x, y), 10, 1, 2);
            assertEquals(0.0, r.standardError());
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.contains("did not move under resampling")),
                    r.diagnostics()::toString);
        }
        TaskSample s = GaussianTask.bivariate(RHO).sample(40, 8);
        MIEstimate moving = withError(statistic(ResamplingScheme.BOOTSTRAP), s, 10, 1, 2);
        assertTrue(moving.diagnostics().stream().noneMatch(d -> d.contains("did not move")),
                moving.diagnostics()::toString);
    }

    @Test
    void failuresInsideReplicatesReachTheCallerUnchanged() {
        MutualInformationEstimator failing = new MutualInformationEstimator() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public long seed() {
                return 0;
            }

            @Override
            public MIEstimate estimate(Samples x, Samples y) {
                throw new IllegalArgumentException("x: replicate failed");
            }
        };
        TaskSample s = GaussianTask.bivariate(RHO).sample(50, 9);
        MIEstimate e = MIEstimate.builder("failing", 0).build();
        for (int threads : new int[] {1, 2}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> Uncertainty.withStandardError(failing, s.x(), s.y(), e, 4, 1, threads));
            assertEquals("x: replicate failed", ex.getMessage());
        }
    }
}
