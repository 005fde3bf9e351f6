package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#INFONCE} (tolerances justified in {@link NeuralContractTest}). */
class InfoNceContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.INFONCE;
    }
}
