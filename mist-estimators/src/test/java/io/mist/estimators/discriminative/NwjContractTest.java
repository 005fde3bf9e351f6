package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#NWJ} (tolerances justified in {@link NeuralContractTest}). */
class NwjContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.NWJ;
    }
}
