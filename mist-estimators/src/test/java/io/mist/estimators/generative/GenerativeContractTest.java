package io.mist.estimators.generative;

import io.mist.core.MutualInformationEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.Transform;
import io.mist.tasks.TransformedTask;
import io.mist.testing.EstimatorContractTest;

import org.junit.jupiter.api.Tag;

/**
 * The estimator contract for a generative estimator on a transformed 5-D + 5-D Gaussian with componentwise
 * correlation 0.6 (true MI 1.116 nats), n = 10,000, one fit ({@code folds = 1}, value on the 1,000 validation
 * rows) of at most 1,500 iterations at {@code lr = 2e-3}: the defaults (5 folds of up to 10,000 iterations at
 * {@code lr = 5e-4}) take a minute per estimate; the defaults' values are in docs/estimators.md. Measured at these
 * settings (estimator seed 42): doe 1.103 and gm 1.108 on the asinh-transformed task (1.106 and 1.112 at the
 * defaults' lr with early stopping).
 *
 * <p><b>Tasks.</b> doe and gm: each coordinate through {@code asinh} (non-Gaussian marginals and conditionals), so
 * the densities are misspecified and the test sees whether their errors cancel as they should. ba, club and l1out
 * read one conditional density against a fixed or contrastive reference, with no second density to cancel its
 * misfit: they run on the rotation-transformed task (a random orthogonal map of each block), where the default
 * Gaussian {@code q(y|x)} can be exact. On the asinh task ba reads 0.889 at the defaults (0.951 with
 * {@code transform_name = conditional_mixture}): a lower bound below the truth by the family's misfit, as it should
 * be (docs/estimators.md).
 *
 * <p><b>Gaussian tolerance, 0.15 nats</b> (the target) for ba, doe, gm and l1out: the held-out mean over
 * 1,000 rows has a standard error of about 0.045 nats, and the measured bias is below 0.06 (ba: the
 * Kozachenko-Leonenko entropy of y, -0.05 here). CLUB has its own (see {@link ClubContractTest}).
 * <b>Independence tolerance, 0.1 nats</b>: about two standard errors plus the small bias of densities fitted to
 * noise. Not symmetric in x and y ({@code q(y|x)} models one direction).
 */
@Tag("slow")
abstract class GenerativeContractTest extends EstimatorContractTest {
    /** The estimator under test. */
    abstract Generative kind();

    /** Whether the task is the asinh-transformed one (else the rotation-transformed one). */
    boolean asinh() {
        return false;
    }

    @Override
    protected MutualInformationEstimator create(long seed) {
        GenerativeConfig.Builder b = GenerativeConfig.builder(kind()).folds(1);
        b.train().maxIterations(1500).learningRate(2e-3).seed(seed);
        return new GenerativeEstimator(b.build());
    }

    @Override
    protected GroundTruthTask gaussianTask() {
        return TransformedTask.of(GaussianTask.componentwise(5, 0.6), asinh() ? Transform.ASINH : Transform.ROTATION);
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
}
