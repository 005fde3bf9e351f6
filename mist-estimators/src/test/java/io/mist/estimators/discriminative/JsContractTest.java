package io.mist.estimators.discriminative;

/** The estimator contract for {@link Bound#JS} (tolerances justified in {@link NeuralContractTest}). */
class JsContractTest extends NeuralContractTest {
    @Override
    Bound bound() {
        return Bound.JS;
    }
}
