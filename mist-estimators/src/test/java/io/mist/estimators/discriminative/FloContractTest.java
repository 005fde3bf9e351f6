package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#FLO} (tolerances justified in {@link NeuralContractTest}). */
class FloContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.FLO;
    }
}
