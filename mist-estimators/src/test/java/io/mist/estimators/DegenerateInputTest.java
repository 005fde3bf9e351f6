package io.mist.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.ConditionalMutualInformationEstimator;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;
import io.mist.estimators.gmm.GmmConfig;
import io.mist.estimators.gmm.GmmEstimator;
import io.mist.estimators.nonparametric.GaussianEstimator;
import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.estimators.nonparametric.KsgEstimator;
import io.mist.estimators.nonparametric.MixedKsgConfig;
import io.mist.estimators.nonparametric.MixedKsgEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Degenerate input to the non-parametric estimators fails with one line that names the cause, instead of
 * returning a number: overflowing values, ties left by {@code noise = 0}, constant columns (to within
 * rounding) and identical rows. An estimate below 0 is kept raw with a diagnostic.
 */
class DegenerateInputTest {
    private static final int N = 1000;

    private static KsgEstimator ksg(int algorithm, double noise) {
        return new KsgEstimator(KsgConfig.builder().algorithm(KsgConfig.Algorithm.values()[algorithm - 1])
                .noise(noise).threads(2).build());
    }

    private static List<MutualInformationEstimator> all() {
        return List.of(ksg(1, 1e-10), ksg(2, 1e-10), new GaussianEstimator(1),
                new GmmEstimator(GmmConfig.builder().nBootstrap(2).mcSamples(2000).maxComponents(2).build(), 1),
                new MixedKsgEstimator(MixedKsgConfig.defaults()));
    }

    private static IllegalArgumentException rejects(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' should contain '" + p + "'");
        }
        assertFalse(e.getMessage().contains("\n"), e::getMessage);
        return e;
    }

    private static Samples scaled(Samples s, double factor) {
        double[] v = s.toRowMajor();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return Samples.ofRowMajor("scaled", v, s.n(), s.dim());
    }

    /**
     * Values times 1e160 or 1e300 have a variance beyond the double range: every estimator says overflow
     * (KSG used to return 0.03 from an overflowed standardisation; Gaussian blamed collinear columns, GMM
     * reg_covar). One and two columns per side reach both KSG searches (rank grid and k-d tree).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e160, 1e300})
    void overflowingValuesAreReportedAsOverflow(double factor) {
        for (int d : new int[] {1, 2}) {
            TaskSample s = GaussianTask.componentwise(d, 0.6).sample(N, 3);
            Samples x = scaled(s.x(), factor);
            Samples y = scaled(s.y(), factor);
            for (MutualInformationEstimator e : all()) {
                IllegalArgumentException t = rejects(() -> e.estimate(x, y), "x: column 0 overflows double precision",
                        "divide the data by a constant scale");
                assertFalse(t.getMessage().contains("collinear") || t.getMessage().contains("reg_covar"),
                        t::getMessage);
            }
        }
    }

    /**
     * Values times 1e-300 have squares below the double range: every estimator says underflow (it used to
     * say zero variance). Times 1e-150 the variance (1e-300) is far below GMM's reg_covar (1e-15), which
     * then sets the fitted covariance: GMM fails naming reg_covar (it returned 0.000 +/- 0.000), while the
     * scale-free estimators give the unscaled value.
     */
    @Test
    void underflowingValuesAndVariancesBelowRegCovarAreReported() {
        TaskSample s = GaussianTask.bivariate(0.6).sample(N, 3);
        for (MutualInformationEstimator e : all()) {
            rejects(() -> e.estimate(scaled(s.x(), 1e-300), scaled(s.y(), 1e-300)), "x: column 0 underflows",
                    "multiply the data by a constant scale");
        }
        Samples x = scaled(s.x(), 1e-150);
        Samples y = scaled(s.y(), 1e-150);
        rejects(() -> all().get(3).estimate(x, y), "x: column 0 has variance", "too small against reg_covar",
                "lower reg_covar");
        KsgEstimator ksg = ksg(1, 1e-10);
        assertEquals(ksg.estimate(s.x(), s.y()).value(), ksg.estimate(x, y).value(), 1e-9);
    }

    /**
     * Values on 14 levels with x = y and noise = 0: every k-th neighbour is at distance 0 and KSG used to
     * return about 9 nats where the limit is ln 14 = 2.64. Now it fails and points to noise and ksg-mixed,
     * in both algorithms, in the k-d tree path (two columns) and conditionally; mixed KSG handles the ties.
     */
    @Test
    void tiesWithoutNoiseFailAndPointToTheFix() {
        double[] levels = new double[N];
        double[][] pairs = new double[N][];
        for (int i = 0; i < N; i++) {
            levels[i] = i % 14;
            pairs[i] = new double[] {i % 14, i % 7};
        }
        Samples x = Samples.of("x", levels);
        Samples x2 = Samples.of("x", pairs);
        Samples z = Samples.of("z", levels);
        for (int algorithm : new int[] {1, 2}) {
            KsgEstimator raw = ksg(algorithm, 0);
            rejects(() -> raw.estimate(x, x), "ksg: 1000 of 1000 samples have their k-th neighbour (k = 3) at distance "
                    + "0", "set option noise > 0 (default 1e-10)", "use ksg-mixed");
            rejects(() -> raw.estimate(x2, x2), "at distance 0", "ksg-mixed");
        }
        rejects(() -> ksg(1, 0).estimate(x, x, z), "at distance 0");
        double mixed = new MixedKsgEstimator(MixedKsgConfig.defaults()).estimate(x, x).value();
        // every sample has its ~71 repeats at distance 0: ln N - psi(71) = ln 14 + 1 / (2 * 71) + O(71^-2),
        // 0.007 above ln 14
        assertEquals(Math.log(14), mixed, 0.01);
    }

    /**
     * A column of 0.1 (computed standard deviation a rounding residue, not 0) is rejected like a column of
     * 1.0, by every estimator (mixed KSG reads the 1.0s as one discrete label), as is a column whose values
     * differ only in the last digit (0.3 and 0.1 + 0.2).
     */
    @Test
    void constantColumnsAreRejectedWhateverTheirValue() {
        Samples x = GaussianTask.bivariate(0.6).sample(N, 3).x();
        double[] lastDigit = new double[N];
        for (int i = 0; i < N; i++) {
            lastDigit[i] = i % 2 == 0 ? 0.3 : 0.1 + 0.2;
        }
        for (double c : new double[] {1.0, 0.1}) {
            double[] v = new double[N];
            Arrays.fill(v, c);
            Samples y = Samples.of("y", v);
            for (MutualInformationEstimator e : all()) {
                if (!(e instanceof MixedKsgEstimator && c == 1.0)) { // there a one-level label: I = 0, no error
                    rejects(() -> e.estimate(x, y), "y: column 0 has zero variance", "values equal " + c);
                }
            }
        }
        Samples y = Samples.of("y", lastDigit);
        for (MutualInformationEstimator e : all()) {
            if (!(e instanceof MixedKsgEstimator)) { // two levels: mixed KSG reads them as discrete
                rejects(() -> e.estimate(x, y), "y: column 0 has zero variance to within rounding");
            }
        }
    }

    /** Every row identical (two columns each side): every estimator fails naming the first constant column. */
    @Test
    void identicalRowsAreRejected() {
        double[][] rows = new double[N][];
        for (int i = 0; i < N; i++) {
            rows[i] = new double[] {0.1, 0.7};
        }
        Samples x = Samples.of("x", rows);
        Samples y = Samples.of("y", rows);
        for (MutualInformationEstimator e : all()) {
            rejects(() -> e.estimate(x, y), "x: column 0 has zero variance");
        }
        for (double noise : new double[] {0, 1e-10}) {
            rejects(() -> ksg(1, noise).estimate(x, y, y), "column 0 has zero variance");
        }
    }

    /**
     * Under independence KSG scatters around 0, so some seeds give a negative value: it is kept raw (the
     * mean of the pointwise values) with a diagnostic that says how to read it; positive values get none.
     */
    @Test
    void negativeEstimatesAreKeptRawWithADiagnostic() {
        int negative = 0;
        for (long seed = 1; seed <= 10; seed++) {
            TaskSample s = IndependentTask.of(1, 1).sample(300, seed);
            Samples z = IndependentTask.of(1, 1).sample(300, seed + 100).x();
            ConditionalMutualInformationEstimator e = ksg(1, 1e-10);
            for (MIEstimate r : new MIEstimate[] {e.estimate(s.x(), s.y()), e.estimate(s.x(), s.y(), z)}) {
                double mean = Arrays.stream(r.pointwise().orElseThrow()).sum() / 300;
                assertEquals(mean, r.value(), 1e-12);
                boolean noted = r.diagnostics().stream().anyMatch(d -> d.contains("is below 0: true MI is never "
                        + "negative"));
                assertEquals(r.value() < 0, noted, r.diagnostics()::toString);
                negative += r.value() < 0 ? 1 : 0;
            }
        }
        assertTrue(negative > 0 && negative < 20, "seeds with a negative estimate: " + negative);
    }
}
