package io.mist.estimators.generative;

/** The estimator contract for {@link Generative#DOE} (tolerances justified in {@link GenerativeContractTest}). */
class DoeContractTest extends GenerativeContractTest {
    @Override
    Generative kind() {
        return Generative.DOE;
    }

    @Override
    boolean asinh() {
        return true;
    }
}
