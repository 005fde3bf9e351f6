package io.mist.estimators.hybrid;

import io.mist.core.MutualInformationEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.Transform;
import io.mist.tasks.TransformedTask;
import io.mist.testing.EstimatorContractTest;

import org.junit.jupiter.api.Tag;

/**
 * The estimator contract for {@code hybrid-resampled} (smile + doe) on the asinh-transformed 5-D + 5-D Gaussian
 * (true MI 1.116 nats), n = 10,000, one fit ({@code folds = 1}, value on the 1,000 validation rows) of at most
 * 1,500 iterations at {@code lr = 2e-3}, as the generative contract tests. <b>Gaussian tolerance, 0.15 nats</b>:
 * doe alone reads 1.103 here; the critic adds the proposal's remaining error, whose DV estimate over 1,000 rows
 * with one draw per row has a standard error of a few hundredths. <b>Independence, 0.1 nats</b>, as doe's.
 */
@Tag("slow")
class HybridResampledContractTest extends EstimatorContractTest {
    @Override
    protected MutualInformationEstimator create(long seed) {
        HybridConfig.Builder b = HybridConfig.builder();
        b.discriminative().folds(1).train().maxIterations(1500).learningRate(2e-3).seed(seed);
        return new HybridEstimator(b.build());
    }

    @Override
    protected GroundTruthTask gaussianTask() {
        return TransformedTask.of(GaussianTask.componentwise(5, 0.6), Transform.ASINH);
    }

    @Override
    protected int sampleSize() {
        return 10_000;
    }

    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 0.15;
    }

    @Override
    protected double independenceTolerance(int n) {
        return 0.1;
    }

    @Override
    protected boolean symmetric() {
        return false;
    }

    @Override
    protected int memoryRepeats() {
        return 3;
    }

    @Override
    protected int memorySampleSize() {
        return 1000;
    }

    /**
     * Known defect: the densities trained through PyTorch's autograd (gm's autoregressive joint; the hybrid) are
     * not bit-reproducible across fits in one JVM: the same seed gave 1.0710, 1.0731 and 1.0718 (gm) and 1.1406
     * and 1.1455 (hybrid) in full-suite runs, while a fresh JVM repeats its value exactly; the estimators trained
     * by the hand-written step (doe, ba, club, l1out) are bit-identical. The cause (an engine kernel whose
     * rounding depends on native state) is not yet found; 0.01 nats bounds what was seen.
     */
    @Override
    protected double sameSeedTolerance() {
        return 0.01;
    }
}
