package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#DV} (tolerances justified in {@link NeuralContractTest}). */
class DvContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.DV;
    }
}
