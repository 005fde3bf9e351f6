package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#TUBA} (tolerances justified in {@link NeuralContractTest}). */
class TubaContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.TUBA;
    }
}
