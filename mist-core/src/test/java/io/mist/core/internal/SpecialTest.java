package io.mist.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

class SpecialTest {
    private static final double EULER_GAMMA = 0.5772156649015329;

    @Test
    void digammaTableMatchesDigammaAndTheHarmonicNumbersUpToAMillion() {
        int max = 1_000_000;
        double[] t = Special.digammaTable(max);
        assertEquals(max + 1, t.length);
        assertTrue(Double.isNaN(t[0]));
        // psi(i) = -gamma + H_{i-1}; the harmonic numbers are summed with Kahan compensation
        double h = 0;
        double comp = 0;
        for (int i = 1; i <= max; i++) {
            double expectedDigamma = Digamma.value(i);
            double expectedHarmonic = -EULER_GAMMA + h;
            final int ii = i;
            assertEquals(expectedDigamma, t[i], 1e-12, () -> "psi(" + ii + ") vs Digamma");
            assertEquals(expectedHarmonic, t[i], 1e-12, () -> "psi(" + ii + ") vs -gamma + H_{i-1}");
            double term = 1.0 / i - comp;
            double sum = h + term;
            comp = (sum - h) - term;
            h = sum;
        }
    }

    @Test
    void digammaAndLogGammaKnownValues() {
        assertEquals(-EULER_GAMMA, Special.digamma(1), 1e-14);
        assertEquals(-EULER_GAMMA - 2 * Math.log(2), Special.digamma(0.5), 1e-14);
        assertEquals(Math.log(24), Special.logGamma(5), 1e-14);
        assertEquals(0.5 * Math.log(Math.PI), Special.logGamma(0.5), 1e-15);
    }

    @Test
    void normalCdfKnownValues() {
        assertEquals(0.5, Special.normalCdf(0), 0);
        assertEquals(0.15865525393145707, Special.normalCdf(-1), 1e-15);
        assertEquals(0.9750021048517795, Special.normalCdf(1.96), 1e-15);
        assertEquals(1 - Special.normalCdf(2.5), Special.normalCdf(-2.5), 1e-15);
    }

    @Test
    void chiSquareSurvivalKnownValues() {
        // 95% critical values (k = 1, 2, 3)
        assertEquals(0.05, Special.chiSquareSurvival(3.841458820694124, 1), 1e-12);
        assertEquals(0.05, Special.chiSquareSurvival(5.991464547107979, 2), 1e-12);
        assertEquals(0.05, Special.chiSquareSurvival(7.814727903251178, 3), 1e-12);
        for (double x : new double[] {0.1, 1, 4, 20, 60}) {
            // k = 2 is the exponential with mean 2; k = 4 adds one Poisson term; k = 1 is erfc(sqrt(x/2))
            assertEquals(Math.exp(-x / 2), Special.chiSquareSurvival(x, 2), 1e-15 + 1e-13 * Math.exp(-x / 2));
            assertEquals(Math.exp(-x / 2) * (1 + x / 2), Special.chiSquareSurvival(x, 4), 1e-13 * Math.exp(-x / 4));
            assertEquals(Erfc.value(Math.sqrt(x / 2)), Special.chiSquareSurvival(x, 1), 1e-13);
        }
        assertEquals(1.0, Special.chiSquareSurvival(0, 3));
        assertEquals(1.0, Special.chiSquareSurvival(-2, 3));
    }
}
