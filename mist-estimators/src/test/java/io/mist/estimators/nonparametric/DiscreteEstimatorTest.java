package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.tasks.DiscreteChannelTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.testing.EstimatorContractTest;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The plug-in estimator with the Miller-Madow correction: the shared contract on a 4-symbol channel
 * ({@link DiscreteChannelTask}), and exact values on constructed tables.
 */
class DiscreteEstimatorTest extends EstimatorContractTest {
    /** 4 symbols, y = x with probability 0.7: MI 0.4458 nats. */
    @Override
    protected GroundTruthTask gaussianTask() {
        return DiscreteChannelTask.of(4, 0.7);
    }

    /** p = 1/k makes y independent of x. */
    @Override
    protected GroundTruthTask independentTask() {
        return DiscreteChannelTask.of(4, 0.25);
    }

    @Override
    protected MutualInformationEstimator create(long seed) {
        return new DiscreteEstimator(true, seed);
    }

    /**
     * The local log-ratio is log 2.8 (probability 0.7) or log 0.4 (0.3): standard deviation 0.892, so the
     * standard error at n is 0.892 / sqrt(n) (0.020 at n = 2000); after the Miller-Madow correction the bias
     * is O(1/n^2). Four standard errors.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 4 * 0.892 / Math.sqrt(n);
    }

    /**
     * Under independence 2n I_plugin is chi-square with (4 - 1)(4 - 1) = 9 degrees of freedom; the corrected
     * value has mean about 0 and standard deviation sqrt(2 * 9) / 2n. Five standard deviations.
     */
    @Override
    protected double independenceTolerance(int n) {
        return 5 * Math.sqrt(18) / (2.0 * n);
    }

    /** Joint pmf of a noisy channel: x uniform on 3 symbols, y = x w.p. 0.7, else one of the others. */
    private static final double[][] PMF = {{0.7 / 3, 0.05, 0.05}, {0.05, 0.7 / 3, 0.05}, {0.05, 0.05, 0.7 / 3}};

    private static double exactMi() {
        double mi = 0;
        for (double[] row : PMF) {
            for (double p : row) {
                mi += p * Math.log(p / (1.0 / 3 * 1.0 / 3));
            }
        }
        return mi;
    }

    @Test
    void plugInEqualsExactMiWhenFrequenciesAreExact() {
        // 600 rows whose empirical frequencies are exactly the pmf: the plug-in value is the exact MI
        List<int[]> rows = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                int count = (int) Math.round(PMF[a][b] * 600);
                for (int c = 0; c < count; c++) {
                    rows.add(new int[] {a, b});
                }
            }
        }
        int[] x = rows.stream().mapToInt(r -> r[0]).toArray();
        int[] y = rows.stream().mapToInt(r -> r[1]).toArray();
        MIEstimate plug = new DiscreteEstimator(false, 0).estimate(Samples.ofDiscrete("x", x), Samples.ofDiscrete("y", y));
        assertEquals(exactMi(), plug.value(), 1e-12);
        MIEstimate mm = new DiscreteEstimator(true, 0).estimate(Samples.ofDiscrete("x", x), Samples.ofDiscrete("y", y));
        // Miller-Madow: (3 + 3 - 9 - 1) / (2 * 600)
        assertEquals(exactMi() - 4.0 / 1200, mm.value(), 1e-12);
    }

    @Test
    void sampledChannelMatchesExactMiWithinSamplingError() {
        int n = 20000;
        UniformRandomProvider rng = Seeds.rng(3);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(3);
            y[i] = rng.nextDouble() < 0.7 ? x[i] : (x[i] + 1 + rng.nextInt(2)) % 3;
        }
        MIEstimate r = new DiscreteEstimator(true, 0).estimate(Samples.ofDiscrete("x", x), Samples.ofDiscrete("y", y));
        // the local log-ratio is log 2.1 (probability 0.7) or log 0.45 (0.3): sd 0.706, se 0.706 / sqrt(n) = 0.005
        assertEquals(exactMi(), r.value(), 4 * 0.706 / Math.sqrt(n));
        double mean = 0;
        for (double v : r.pointwise().orElseThrow()) {
            mean += v;
        }
        assertEquals(r.value(), mean / n, 1e-12);
    }

    @Test
    void independentSymbolsGiveAboutZeroAfterCorrection() {
        int n = 5000;
        UniformRandomProvider rng = Seeds.rng(4);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(4);
            y[i] = rng.nextInt(5);
        }
        MIEstimate r = new DiscreteEstimator(true, 0).estimate(Samples.ofDiscrete("x", x), Samples.ofDiscrete("y", y));
        // 2 n I_plugin ~ chi2(12): corrected value has mean ~0 and sd sqrt(24) / (2n) = 4.9e-4
        assertEquals(0.0, r.value(), 5 * Math.sqrt(24) / (2.0 * n));
    }

    @Test
    void nonIntegerInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiscreteEstimator(true, 0).estimate(new double[] {0, 1, 2.5}, new double[] {0, 1, 1}));
        assertTrue(e.getMessage().contains("x: value 2.5 at row 2"), e::getMessage);
    }
}
