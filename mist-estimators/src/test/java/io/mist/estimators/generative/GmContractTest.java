package io.mist.estimators.generative;

/** The estimator contract for {@link Generative#GM} (tolerances justified in {@link GenerativeContractTest}). */
class GmContractTest extends GenerativeContractTest {
    @Override
    Generative kind() {
        return Generative.GM;
    }

    @Override
    boolean asinh() {
        return true;
    }
}
