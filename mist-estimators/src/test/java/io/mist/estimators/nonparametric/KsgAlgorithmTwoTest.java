package io.mist.estimators.nonparametric;

import io.mist.core.MutualInformationEstimator;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.testing.EstimatorContractTest;

/** KSG algorithm 2 through the contract on a 5+5-D Gaussian. */
class KsgAlgorithmTwoTest extends EstimatorContractTest {
    @Override
    protected MutualInformationEstimator create(long seed) {
        return KsgEstimatorTest.ksg(2, 4, seed);
    }

    @Override
    protected GroundTruthTask gaussianTask() {
        return GaussianTask.componentwise(5, 0.6);
    }

    /**
     * 5+5-D, rho 0.6 (truth 1.116 nats), n = 2000, k = 4: KSG-2 is biased downwards by about 0.1 nats here
     * (Kraskov et al. 2004, fig. 7: the relative bias grows with dimension; Gao, Oh and Viswanath 2018) and
     * its sd is about 0.03: bias + 4 sd.
     */
    @Override
    protected double gaussianTolerance(double truth, int n) {
        return 0.12 + 4 * 0.03;
    }

    /** Independent 5+5-D: KSG-2 fluctuates with sd about 0.01 at n = 2000 and a bias below 0.01. */
    @Override
    protected double independenceTolerance(int n) {
        return 0.05;
    }

    @Override
    protected double symmetryTolerance() {
        return 1e-12;
    }
}
