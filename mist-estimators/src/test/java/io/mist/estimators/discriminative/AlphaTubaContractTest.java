package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#ALPHA_TUBA} (tolerances justified in {@link NeuralContractTest}). */
class AlphaTubaContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.ALPHA_TUBA;
    }
}
