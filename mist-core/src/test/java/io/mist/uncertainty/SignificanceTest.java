package io.mist.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SignificanceTest {
    /** 20 p-values below 1e-3 (signals) followed by 180 uniform ones (nulls). */
    private static double[] signalsAmongNulls(long seed) {
        Random r = new Random(seed);
        double[] p = new double[200];
        for (int i = 0; i < p.length; i++) {
            p[i] = i < 20 ? r.nextDouble() * 1e-3 : r.nextDouble();
        }
        return p;
    }

    @Test
    void permutationPValueCountsTheObservedAsOnePermutation() {
        assertEquals(1.0 / 5, Significance.permutationPValue(0.3, new double[] {0.1, 0.2, 0.0, -0.1}));
        // ties count as reaching the observed value
        assertEquals(3.0 / 5, Significance.permutationPValue(0.3, new double[] {0.3, 0.4, 0.0, -0.1}));
        assertEquals(1.0, Significance.permutationPValue(-1, new double[] {0, 0, 0}));
        // NaN never reaches the observed value
        assertEquals(1.0 / 3, Significance.permutationPValue(0.3, new double[] {Double.NaN, 0.1}));
    }

    @Test
    void permutationPValueRefusesNoPermutationsAndANonFiniteObservation() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Significance.permutationPValue(0.1, new double[0])).getMessage().contains("permutations"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Significance.permutationPValue(Double.NaN, new double[] {0})).getMessage().contains("NaN"));
    }

    /**
     * By hand from the definition: sorted 0.005, 0.01, 0.03, 0.04, 0.5 give m p / rank = 0.025, 0.025, 0.05,
     * 0.05, 0.5, already monotone, put back in input order (R's {@code p.adjust(p, "BH")} defines the same).
     */
    @Test
    void benjaminiHochbergMatchesTheStepUpDefinition() {
        double[] q = Significance.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, q, 1e-15);
        // sorted 0.02, 0.9, 0.9 give m p / rank = 0.06, 1.35, 0.9; the running minimum from the top caps 1.35 at 0.9
        assertArrayEquals(new double[] {0.9, 0.06, 0.9},
                Significance.benjaminiHochberg(new double[] {0.9, 0.02, 0.9}), 1e-15);
        assertArrayEquals(new double[] {0.3}, Significance.benjaminiHochberg(new double[] {0.3}), 0.0);
    }

    @Test
    void benjaminiHochbergIsMonotoneAtLeastPAndAtMostOne() {
        double[] p = signalsAmongNulls(3);
        double[] q = Significance.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(q[i] >= p[i] && q[i] <= 1, i + ": " + p[i] + " -> " + q[i]);
            for (int j = 0; j < p.length; j++) {
                assertTrue(p[i] > p[j] || q[i] <= q[j], "order of " + i + " and " + j);
            }
        }
    }

    /**
     * 20 signals (p below 1e-3) among 180 uniform nulls at FDR 0.1: every signal is found (20 p-values at most
     * 1e-3 give q at most 200 * 1e-3 / 20 = 0.01), and the nulls found are few (expected at most
     * 0.1 * 20 / 0.9, about 2; 8 would be far in the tail).
     */
    @Test
    void discoveriesFindTheSignalsAndFewNulls() {
        double[] p = signalsAmongNulls(5);
        boolean[] found = Significance.discoveries(p, 0.1);
        int nulls = 0;
        for (int i = 0; i < p.length; i++) {
            if (i < 20) {
                assertTrue(found[i], "signal " + i);
            } else if (found[i]) {
                nulls++;
            }
        }
        assertTrue(nulls < 8, nulls + " null discoveries");
    }

    @Test
    void badPValuesAndAlphaAreRefusedWithTheirIndex() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> Significance.benjaminiHochberg(new double[] {0.1, Double.NaN})).getMessage();
        assertTrue(m.contains("p-value 1 is NaN"), m);
        assertThrows(IllegalArgumentException.class, () -> Significance.benjaminiHochberg(new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> Significance.benjaminiHochberg(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Significance.discoveries(new double[] {0.1}, 0));
    }
}
