package io.mist.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The README's one-liners, run by a project that depends on nothing but {@code io.mist:mist-estimators}
 * (versions from {@code io.mist:mist-bom}): a classical estimator ({@code ksg}), a parametric one
 * ({@code gmm}) and a neural one ({@code mine}, which needs the PyTorch engine and its native library at
 * runtime), each against the analytic MI of a bivariate Gaussian, {@code I = -ln(1 - rho^2) / 2}.
 */
class ReadmeOneLinersTest {
    private static final double RHO = 0.6;
    private static final double TRUE_MI = -0.5 * Math.log(1 - RHO * RHO); // 0.2231 nats
    private static final int N = 2000;

    /** Correlated standard normal pairs {@code y = rho x + sqrt(1 - rho^2) e}, drawn from a fixed seed. */
    private static double[][] pairs() {
        SplittableRandom rng = new SplittableRandom(20261206L);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double a = gaussian(rng);
            x[i] = a;
            y[i] = RHO * a + Math.sqrt(1 - RHO * RHO) * gaussian(rng);
        }
        return new double[][] {x, y};
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller, one of the pair; 1 - u keeps the logarithm finite
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void ksgMatchesTheAnalyticValue() {
        double[][] d = pairs();
        MIEstimate r = EstimateMI.estimate(d[0], d[1], "ksg");
        // KSG at k = 3, n = 2000: standard deviation about 0.015 nats at this MI, bias below 0.01
        assertEquals(TRUE_MI, r.value(), 0.06, r::toString);
    }

    @Test
    void gmmMatchesTheAnalyticValue() {
        double[][] d = pairs();
        MIEstimate r = EstimateMI.estimate(d[0], d[1], "gmm");
        // a one-component Gaussian is the true model: the sampling error of rho at n = 2000 moves the MI by
        // about 0.013 nats (delta method: rho (1 - rho^2) / sqrt(n) / (1 - rho^2)); four of those
        assertEquals(TRUE_MI, r.value(), 0.06, r::toString);
    }

    @Test
    void mineRunsOnTheEngineThatComesWithTheDependency() {
        double[][] d = pairs();
        MIEstimate r = EstimateMI.estimate(d[0], d[1], "mine");
        // a lower bound, trained with the defaults and evaluated on held-out rows: it must find most of the
        // information and not exceed the truth by more than its held-out sampling error
        assertEquals(TRUE_MI, r.value(), 0.1, r::toString);
    }
}
