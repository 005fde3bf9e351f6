package io.mist.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiscreteChannelTaskTest {
    /** MI from the joint table p(a, b) = (1/k) (p if a == b else (1 - p)/(k - 1)), summed cell by cell. */
    private static double fromJointTable(int k, double p) {
        double mi = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double pab = (a == b ? p : (1 - p) / (k - 1)) / k;
                if (pab > 0) {
                    mi += pab * Math.log(pab / (1.0 / k * (1.0 / k)));
                }
            }
        }
        return mi;
    }

    @Test
    void truthMatchesTheJointTable() {
        for (int k : new int[] {2, 3, 8}) {
            for (double p : new double[] {0, 0.1, 1.0 / k, 0.7, 1}) {
                assertEquals(fromJointTable(k, p), DiscreteChannelTask.of(k, p).trueMutualInformation(), 1e-14,
                        "k " + k + " p " + p);
            }
        }
        assertEquals(Math.log(8), DiscreteChannelTask.of(8, 1).trueMutualInformation(), 1e-15);
        assertEquals(0.0, DiscreteChannelTask.of(4, 0.25).trueMutualInformation(), 1e-15);
    }

    /**
     * n = 100,000 draws: each symbol of x has frequency 1/k, y keeps x with frequency p, and a changed symbol
     * is each of the k - 1 others with frequency (1 - p)/(k - 1); every frequency within 4.5 binomial
     * standard errors.
     */
    @Test
    void samplerFrequencies() {
        int k = 5;
        double p = 0.6;
        int n = 100_000;
        TaskSample s = DiscreteChannelTask.of(k, p).sample(n, 3);
        assertTrue(s.x().isDiscrete() && s.y().isDiscrete());
        int[] xCount = new int[k];
        int[] offset = new int[k];
        for (int i = 0; i < n; i++) {
            int x = (int) s.x().get(i, 0);
            int y = (int) s.y().get(i, 0);
            xCount[x]++;
            offset[Math.floorMod(y - x, k)]++;
        }
        for (int a = 0; a < k; a++) {
            assertFrequency(1.0 / k, xCount[a], n);
        }
        assertFrequency(p, offset[0], n);
        for (int o = 1; o < k; o++) {
            assertFrequency((1 - p) / (k - 1), offset[o], n);
        }
    }

    private static void assertFrequency(double expected, int count, int n) {
        assertEquals(expected, (double) count / n, 4.5 * Math.sqrt(expected * (1 - expected) / n));
    }

    @Test
    void seedsAndValidation() {
        DiscreteChannelTask t = DiscreteChannelTask.of(4, 0.7);
        TaskChecks.assertSameSamples(t.sample(200, 1), t.sample(200, 1));
        TaskChecks.assertDifferentSamples(t.sample(200, 1), t.sample(200, 2));
        assertThrows(IllegalArgumentException.class, () -> DiscreteChannelTask.of(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DiscreteChannelTask.of(3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> DiscreteChannelTask.of(3, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> t.sample(0, 1));
    }
}
