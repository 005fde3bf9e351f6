package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#MINE} (tolerances justified in {@link NeuralContractTest}). */
class MineContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.MINE;
    }
}
