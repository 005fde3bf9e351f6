package io.mist.estimators.generative;

/** The estimator contract for {@link Generative#BA} (tolerances justified in {@link GenerativeContractTest}). */
class BaContractTest extends GenerativeContractTest {
    @Override
    Generative kind() {
        return Generative.BA;
    }
}
