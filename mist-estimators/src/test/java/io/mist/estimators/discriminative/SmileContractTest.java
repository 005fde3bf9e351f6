package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#SMILE} (tolerances justified in {@link NeuralContractTest}). */
class SmileContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.SMILE;
    }
}
