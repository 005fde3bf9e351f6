package io.mist.estimators.generative;

/** The estimator contract for {@link Generative#L1OUT} (tolerances justified in {@link GenerativeContractTest}). */
class L1OutContractTest extends GenerativeContractTest {
    @Override
    Generative kind() {
        return Generative.L1OUT;
    }
}
