package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.core.Seeds;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class DiscreteEstimatorTest {
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
        // sd of the local log-ratio is about 1.1 nats here, so se ~ 1.1 / sqrt(n) = 0.008
        assertEquals(exactMi(), r.value(), 4 * 1.1 / Math.sqrt(n));
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
