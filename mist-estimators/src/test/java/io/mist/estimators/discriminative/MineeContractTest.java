package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;

import io.mist.EstimateMI;
import io.mist.core.InvalidOptionException;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.data.PairedData;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.train.Evaluation;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;

import org.junit.jupiter.api.Test;

/**
 * MI-NEE under the neural contract ({@link NeuralContractTest}'s task, budget and tolerances: 5-D + 5-D
 * Gaussian, n = 10,000, one fit of at most 2,000 iterations, value on the 1,000 validation rows), and its
 * three terms.
 */
class MineeContractTest extends NeuralContractTest {
    /**
     * Iterations per fit: 1,000 rather than the contract's 2,000, since each step trains three critics (the
     * contract's five fits stay within the test budget); at this budget the 5-D estimates of seeds 1 and 7
     * pass the contract's 0.15-nat tolerance (62 s for the whole class on the loaded 2-core machine).
     */
    private static final int ITERATIONS = 1000;

    @Override
    Bound bound() {
        return Bound.DV;
    }

    @Override
    protected MutualInformationEstimator create(long seed) {
        MineeConfig.Builder b = MineeConfig.builder();
        b.critics().folds(1).train(TrainConfig.builder().maxIterations(ITERATIONS).seed(seed).build());
        return new MineeEstimator(b.build());
    }

    @Override
    protected int memoryRepeats() {
        return 2;
    }

    @Test
    void theThreeTermsMakeTheEstimate() {
        TaskSample s = GaussianTask.componentwise(2, 0.6).sample(800, 3);
        MineeConfig.Builder b = MineeConfig.builder();
        b.critics().hiddenDims(16).train(TrainConfig.builder().maxIterations(100).seed(4).build());
        MineeConfig c = b.build();
        PairedData data = PairedData.of(s.x(), s.y());
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                MineeNeuralEstimator net = MineeNeuralEstimator.create(c, data, 2, 2, m, 4)) {
            Trainer.fit(net, data, c.critics().train());
            Evaluation ev = Trainer.evaluate(net, data, 128);
            double[] t = net.terms(data, 128);
            // the value is the mean of d^XY_i - d^X_i - d^Y_i: the terms' means combine to it (float sums)
            assertEquals(ev.value(), t[0] - t[1] - t[2], 1e-5);
            // D(P_XY || Q_X x Q_Y) includes the dependence the fitted Gaussians leave out
            assertTrue(t[0] > t[1] + t[2], () -> java.util.Arrays.toString(t));
        }
        MIEstimate r = EstimateMI.with("mi-nee").option("max_iterations", 60).option("hidden_dims", "16")
                .option("folds", 2).option("reference", "uniform").seed(5).estimate(s.x(), s.y());
        assertTrue(r.diagnostics().stream().filter(d -> d.contains("D(P_XY||Q_X x Q_Y)")).count() == 2,
                () -> String.join("\n", r.diagnostics()));
        InvalidOptionException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidOptionException.class,
                () -> EstimateMI.with("mi-nee").option("ref_batch_factor", 0).build());
        assertEquals("ref_batch_factor", e.option());
    }
}
