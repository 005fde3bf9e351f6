package io.mist.estimators.discriminative;

import io.mist.core.MutualInformationEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.testing.EstimatorContractTest;
import io.mist.train.TrainConfig;

import org.junit.jupiter.api.Tag;

/**
 * The estimator contract for a discriminative estimator on the 5-D + 5-D Gaussian with componentwise
 * correlation 0.6 (true MI 1.116 nats), n = 10,000, hidden [64, 64], batch 128, at most 2,000 iterations
 * with early stopping, one fit ({@code folds = 1}: the default 5-fold cross-fitting would take five fits;
 * it has its own tests in {@link CrossFittingTest}); the value is measured on the 1,000 validation rows.
 *
 * <p><b>Gaussian tolerance, 0.15 nats</b> (the target): at this budget the lower bounds sit 0.03 to
 * 0.10 below the truth (torch_mist at 3,000 iterations: 0.01 to 0.06 below), and the held-out mean over
 * 1,000 rows has a standard error of about 0.02 to 0.03 nats (pointwise standard deviation about 0.7 to 1).
 * <b>Independence tolerance, 0.1 nats</b>: with no dependence the trained critic is nearly constant; what
 * remains is the held-out standard error (about 0.02) plus the small negative bias of a critic fitted to
 * noise, so 0.1 is about four standard errors. The estimators are not symmetric in x and y (different
 * random negatives, and MLP heads per side), so that check is skipped.
 */
@Tag("slow")
abstract class NeuralContractTest extends EstimatorContractTest {
    /** The bound under test. */
    abstract Bound bound();

    @Override
    protected MutualInformationEstimator create(long seed) {
        TrainConfig t = TrainConfig.builder().maxIterations(2000).seed(seed).build();
        return new DiscriminativeEstimator(DiscriminativeConfig.builder(bound()).folds(1).train(t).build());
    }

    @Override
    protected GroundTruthTask gaussianTask() {
        return GaussianTask.componentwise(5, 0.6);
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
        return 5;
    }

    @Override
    protected int memorySampleSize() {
        return 1000;
    }
}
