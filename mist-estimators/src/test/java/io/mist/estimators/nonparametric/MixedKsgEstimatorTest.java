package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.testing.EstimatorContractTest;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** ksg-mixed: the contract on continuous data (Gao form) and exact mixtures computed by quadrature. */
class MixedKsgEstimatorTest extends EstimatorContractTest {
    @Override
    protected MutualInformationEstimator create(long seed) {
        return new MixedKsgEstimator(new MixedKsgConfig(3, MixedKsgConfig.Method.AUTO, true, 2, seed));
    }

    /**
     * On continuous data Gao's estimator is KSG-1 with log N for psi(N) (a difference of 1/(2N)): sd about
     * 0.6/sqrt(n) (0.013 at n = 2000) like KSG-1, bias below 0.005: 4 sd + 0.02.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 4 * 0.6 / Math.sqrt(n) + 0.02;
    }

    /** Same reasoning under independence (sd about 0.5/sqrt(n)). */
    @Override
    protected double independenceTolerance(int n) {
        return 4 * 0.5 / Math.sqrt(n) + 0.02;
    }

    @Override
    protected double symmetryTolerance() {
        return 1e-12;
    }

    /** I(X;Y) for Y uniform on {0, 1} and X | Y ~ N(2Y - 1, 1), by Simpson's rule on [-12, 12]. */
    static double binaryGaussianMixtureMi() {
        int m = 20000;
        double a = -12;
        double h = 24.0 / m;
        double sum = 0;
        for (int i = 0; i <= m; i++) {
            double x = a + i * h;
            double p0 = Math.exp(-0.5 * (x + 1) * (x + 1)) / Math.sqrt(2 * Math.PI);
            double p1 = Math.exp(-0.5 * (x - 1) * (x - 1)) / Math.sqrt(2 * Math.PI);
            double px = 0.5 * (p0 + p1);
            double f = 0;
            if (p0 > 0) {
                f += 0.5 * p0 * Math.log(p0 / px);
            }
            if (p1 > 0) {
                f += 0.5 * p1 * Math.log(p1 / px);
            }
            double w = (i == 0 || i == m) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f;
        }
        return sum * h / 3;
    }

    private static double[][] mixture(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextBoolean() ? 1 : 0;
            x[i] = 2 * y[i] - 1 + r.nextGaussian();
        }
        return new double[][] {x, y};
    }

    @Test
    void discreteLabelAgainstContinuousMatchesQuadrature() {
        double truth = binaryGaussianMixtureMi(); // about 0.3015 nats
        assertTrue(truth > 0.25 && truth < 0.35, () -> "quadrature " + truth);
        double[][] d = mixture(5000, 4);
        // sd of both estimators at n = 5000 is about 0.6/sqrt(n) = 0.0085; bias below 0.01: 4 sd + bias
        double tol = 4 * 0.6 / Math.sqrt(5000) + 0.01;
        MIEstimate ross = create(1).estimate(Samples.of("x", d[0]), Samples.ofDiscrete("y", toInt(d[1])));
        assertTrue(ross.diagnostics().get(0).startsWith("Ross"), ross.diagnostics()::toString);
        assertEquals(truth, ross.value(), tol, "Ross");
        MIEstimate swapped = create(1).estimate(Samples.ofDiscrete("x", toInt(d[1])), Samples.of("y", d[0]));
        assertEquals(ross.value(), swapped.value(), 1e-12);
        MIEstimate gao = new MixedKsgEstimator(new MixedKsgConfig(3, MixedKsgConfig.Method.GAO, true, 2, 1))
                .estimate(d[0], d[1]);
        assertEquals(truth, gao.value(), tol, "Gao");
    }

    /**
     * Ross drops rows whose label occurs once: the pointwise array keeps length n (NaN on those rows, a
     * diagnostic says so), and the value is the mean of the kept rows, equal to the estimate without them.
     */
    @Test
    void rossPointwiseHasOneEntryPerRowWithDroppedRowsMarked() {
        double[][] d = mixture(400, 6);
        int[] labels = toInt(d[1]);
        labels[17] = 7; // a label that occurs once
        MixedKsgEstimator ross = new MixedKsgEstimator(MixedKsgConfig.builder().method(MixedKsgConfig.Method.ROSS)
                .standardize(false).threads(2).build());
        MIEstimate r = ross.estimate(Samples.of("x", d[0]), Samples.ofDiscrete("y", labels));
        double[] pw = r.pointwise().orElseThrow();
        assertEquals(400, pw.length);
        assertTrue(Double.isNaN(pw[17]));
        double sum = 0;
        double[] keptX = new double[399];
        int[] keptY = new int[399];
        for (int i = 0, j = 0; i < 400; i++) {
            if (i != 17) {
                assertTrue(Double.isFinite(pw[i]), "row " + i);
                sum += pw[i];
                keptX[j] = d[0][i];
                keptY[j++] = labels[i];
            }
        }
        assertEquals(sum / 399, r.value(), 1e-12);
        assertTrue(r.diagnostics().stream().anyMatch(m -> m.startsWith("1 of 400 rows have a label that occurs once")),
                r.diagnostics()::toString);
        MIEstimate without = ross.estimate(Samples.of("x", keptX), Samples.ofDiscrete("y", keptY));
        assertEquals(without.value(), r.value(), 1e-12);
    }

    @Test
    void discreteAgainstDiscreteEqualsThePlugInEstimate() {
        // with both sides discrete every k-NN distance is 0 and Gao's estimator reduces to the plug-in MI
        Random r = new Random(3);
        int n = 3000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(3);
            b[i] = r.nextDouble() < 0.7 ? a[i] : r.nextInt(3);
        }
        double gao = create(1).estimate(Samples.ofDiscrete("x", a), Samples.ofDiscrete("y", b)).value();
        double plugIn = new DiscreteEstimator(false, 1).estimate(Samples.ofDiscrete("x", a),
                Samples.ofDiscrete("y", b)).value();
        // psi(count) differs from log(count) by O(1/count), counts >= 200 here
        assertEquals(plugIn, gao, 0.01);
    }

    @Test
    void declaresSubsamplingAndRejectsBadInput() {
        assertEquals(ResamplingScheme.SUBSAMPLING, create(1).resamplingScheme());
        assertThrows(IllegalArgumentException.class, () -> create(1).estimate(new double[] {1, 2, 3},
                new double[] {1, 2, 4}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MixedKsgEstimator(new MixedKsgConfig(3, MixedKsgConfig.Method.ROSS, true, 1, 1))
                        .estimate(new double[] {1, 2, 3, 4, 5}, new double[] {0.5, 1, 0, 1, 0}));
        assertTrue(e.getMessage().contains("y"), e::getMessage);
    }

    private static int[] toInt(double[] v) {
        int[] o = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (int) v[i];
        }
        return o;
    }
}
