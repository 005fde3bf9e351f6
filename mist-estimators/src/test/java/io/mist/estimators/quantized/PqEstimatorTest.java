package io.mist.estimators.quantized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.testing.EstimatorContractTest;
import io.mist.train.TrainConfig;

import org.junit.jupiter.api.Test;

/**
 * PQ on the bivariate Gaussian, rho 0.6 (0.2231 nats), n = 5,000, one fit (folds 1) of at most 1,000
 * iterations, value on the 500 validation rows; the categorical q(k|x).
 */
class PqEstimatorTest extends EstimatorContractTest {
    @Override
    protected MutualInformationEstimator create(long seed) {
        PqConfig.Builder b = PqConfig.builder();
        b.critics().folds(1).train(TrainConfig.builder().maxIterations(1000).seed(seed).build());
        return new PqEstimator(b.build());
    }

    @Override
    protected int sampleSize() {
        return 5000;
    }

    /**
     * 32 k-means bins of a 1-D y lose about 0.01 nats; the held-out mean over 500 rows has a standard error of
     * about 0.7 / sqrt(500) = 0.03: 0.01 + 3 standard errors.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 0.1;
    }

    /** Independent data: the fitted q(k|x) is close to p(k); a slight negative bias plus 3 standard errors. */
    @Override
    protected double independenceTolerance(int n) {
        return 0.08;
    }

    @Override
    protected boolean symmetric() {
        return false;
    }

    @Override
    protected int memoryRepeats() {
        return 3;
    }

    @Test
    void categoricalLogProbIsTheLogSoftmaxAtTheClass() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            FlatParameters.Layout layout = new FlatParameters.Layout();
            Mlp mlp = new Mlp(layout, 2, new int[] {3}, 4);
            float[] values = new float[layout.size()];
            mlp.initialize(layout, values, io.mist.core.internal.Seeds.rng(1));
            try (FlatParameters flat = new FlatParameters(layout, values, m)) {
                CategoricalConditional q = new CategoricalConditional(mlp, flat, 4);
                NDArray x = m.create(new float[] {0.5f, -1, 2, 0.3f}, new Shape(2, 2));
                float[] logits = mlp.forward(flat, x).toFloatArray();
                float[] lp = q.logProb(x, m.create(new float[] {3, 1}, new Shape(2, 1))).toFloatArray();
                for (int i = 0; i < 2; i++) {
                    double lse = 0;
                    for (int c = 0; c < 4; c++) {
                        lse += Math.exp(logits[i * 4 + c]);
                    }
                    int k = i == 0 ? 3 : 1;
                    assertEquals(logits[i * 4 + k] - Math.log(lse), lp[i], 1e-5);
                }
                // sampling follows the probabilities: 4,000 draws of row 0, each class within 5 sd of its share
                NDArray rows = m.create(new float[] {0.5f, -1}, new Shape(1, 2)).repeat(0, 4000);
                float[] draws = q.sample(rows, 9).toFloatArray();
                float[] p = q.logProb(rows.get("0:1"), m.create(new float[] {0}, new Shape(1, 1))).exp()
                        .toFloatArray();
                int zeros = 0;
                for (float d : draws) {
                    zeros += d == 0 ? 1 : 0;
                }
                double sd = Math.sqrt(4000 * p[0] * (1 - p[0]));
                assertEquals(4000 * p[0], zeros, 5 * sd);
            }
        }
    }

    @Test
    void fiveDimensionalYKeepsTheQuantizedInformationOnly() {
        GaussianTask g = GaussianTask.componentwise(5, 0.6);
        TaskSample s = g.sample(5000, 2);
        MIEstimate r = create(2).estimate(s.x(), s.y());
        // a lower bound: below the truth (1.116) by the quantization gap, and well above binned's 0.45
        assertTrue(r.value() < g.trueMutualInformation() && r.value() > 0.4, () -> "pq 5-D " + r.value());
    }
}
