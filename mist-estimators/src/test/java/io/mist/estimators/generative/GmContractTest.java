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

    /**
     * Known defect: the densities trained through PyTorch's autograd (gm's autoregressive joint; the hybrid) are
     * not bit-reproducible across fits in one JVM: the same seed gave 1.0710, 1.0731 and 1.0718 (gm) and 1.1406
     * and 1.1455 (hybrid) in full-suite runs, while a fresh JVM repeats its value exactly; the estimators trained
     * by the hand-written step (doe, ba, club, l1out) are bit-identical. The cause (an engine kernel whose
     * rounding depends on native state) is not yet found; 0.01 nats bounds what was seen.
     */
    @Override
    protected double sameSeedTolerance() {
        return 0.01;
    }
}
