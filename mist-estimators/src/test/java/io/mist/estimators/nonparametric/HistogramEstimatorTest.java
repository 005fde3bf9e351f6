package io.mist.estimators.nonparametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;
import io.mist.estimators.nonparametric.HistogramConfig.Bins;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.testing.EstimatorContractTest;

import org.junit.jupiter.api.Test;

/** The histogram estimator: contract on a bivariate Gaussian, bin rules, quantile bins, discrete agreement. */
class HistogramEstimatorTest extends EstimatorContractTest {
    @Override
    protected MutualInformationEstimator create(long seed) {
        return new HistogramEstimator(new HistogramConfig(Bins.parse("sturges"), false, true, seed));
    }

    /**
     * rho 0.6, n = 2000, Sturges' rule (12 bins of width ~0.6 sd): binning loses about 0.02 nats
     * (second-order in the width) and the Miller-Madow-corrected plug-in keeps a residual bias of order
     * cells/n^2 plus sd 0.6/sqrt(n) = 0.013: 4 sd + 0.04 for the binning and second-order terms.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 4 * 0.6 / Math.sqrt(n) + 0.04;
    }

    /**
     * Independent data: after Miller-Madow the remaining bias is second order, below 0.01 with 12 x 12
     * cells at n = 2000 (most cells hold > 5 points); sd about (m - 1) / (sqrt(2) n) = 0.004: 0.01 + 4 sd.
     */
    @Override
    protected double independenceTolerance(int n) {
        return 0.01 + 4 * 11 / Math.sqrt(2) / n;
    }

    @Test
    void rulesAndQuantileBinsAllRecoverTheGaussianMi() {
        TaskSample s = GaussianTask.bivariate(0.6).sample(20000, 8);
        double truth = 0.5 * -Math.log(1 - 0.36);
        // (the sqrt rule's 142 x 142 cells are too sparse at this n: plug-in bias ~0.1 even after Miller-Madow)
        for (String bins : new String[] {"auto", "fd", "sturges", "20"}) {
            for (boolean q : new boolean[] {false, true}) {
                double v = new HistogramEstimator(new HistogramConfig(Bins.parse(bins), q, true, 1)).estimate(s.x(), s.y())
                        .value();
                // sd 0.6/sqrt(n) = 0.004; fd/auto (~40 bins) leave a sparse-cell bias and sturges (16 bins)
                // a binning loss, both below 0.04 at n = 20000
                assertEquals(truth, v, 0.05, bins + (q ? " quantile" : " width"));
            }
        }
    }

    @Test
    void integerDataWithOneBinPerValueEqualsThePlugInEstimator() {
        int[] a = {0, 1, 2, 0, 1, 2, 0, 0, 1, 2, 2, 1};
        int[] b = {0, 1, 1, 0, 1, 2, 0, 1, 1, 2, 2, 0};
        double h = new HistogramEstimator(new HistogramConfig(Bins.parse("3"), false, true, 1))
                .estimate(Samples.ofDiscrete("x", a), Samples.ofDiscrete("y", b)).value();
        double d = new DiscreteEstimator(true, 1).estimate(Samples.ofDiscrete("x", a), Samples.ofDiscrete("y", b))
                .value();
        assertEquals(d, h, 1e-12);
    }

    @Test
    void badBinsAreRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EstimateMI.with("histogram").option("bins", "many").build());
        assertTrue(e.getMessage().contains("bins"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> new HistogramConfig(Bins.parse("0"), false, true, 1));
    }
}
