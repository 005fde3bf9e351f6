package io.mist.estimators.discriminative;

import static io.mist.estimators.discriminative.Term.baseline;
import static io.mist.estimators.discriminative.Term.constant;
import static io.mist.estimators.discriminative.Term.logMeanExpAll;
import static io.mist.estimators.discriminative.Term.logMeanExpColumns;
import static io.mist.estimators.discriminative.Term.meanExpShifted;
import static io.mist.estimators.discriminative.Term.meanSoftplusNegatives;
import static io.mist.estimators.discriminative.Term.positives;
import static io.mist.estimators.discriminative.Term.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.mist.train.internal.Ema;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * A bound written once as {@link Term}s gets, on the JVM, the loss, estimate and gradient that PyTorch's
 * autograd gets through the same composition on NDArrays: for every bound, and for a composition no bound
 * uses that exercises every primitive (a clipped log-mean-exp over all negatives with its gradient, a shift
 * per sample, broadcasting). Which scores the JVM step needs, and whether a baseline is part of the model,
 * are read off the composition.
 */
class ObjectiveTest {
    private static final int B = 6;
    private static final int M = 4;
    private static final double TAU = 0.8;
    private static final double ALPHA = 0.3;

    private static float[] values(int n, double phase) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (1.3 * Math.sin(0.7 * i + phase));
        }
        return v;
    }

    /** Every primitive, with a gradient through each: not a bound, a composition a new bound could be. */
    private static Objective everyPrimitive() {
        Term lme = logMeanExpColumns();
        Term clipped = logMeanExpAll(TAU);
        Term shifted = meanExpShifted(baseline().sub(lme.mean()));
        Term r = positives().sub(shifted).add(u().softplus()).sub(clipped.exp().neg().add(constant(2)));
        Term loss = r.mean().neg().add(meanSoftplusNegatives()).add(lme.sub(positives()).exp().mean());
        return new Objective(r, loss, r.mean());
    }

    @Test
    void everyBoundAndCompositionHasTheAutogradGradientOnTheJvm() {
        for (Bound b : Bound.values()) {
            assertSameAsAutograd(b.id(), () -> b.objective(TAU, ALPHA, new Ema(0.9)));
        }
        assertSameAsAutograd("every primitive", ObjectiveTest::everyPrimitive);
    }

    private static void assertSameAsAutograd(String name, Supplier<Objective> objective) {
        float[] pos = values(B, 0.1);
        float[] neg = values(M * B, 1.7);
        float[] base = values(B, 2.9);
        float[] u = values(B, 4.1);
        Objective nd = objective.get();
        Objective host = objective.get();
        boolean columns = nd.columnwise();
        for (int step = 0; step < 2; step++) { // two steps: MINE's moving average advances on both paths alike
            float[] posGrad;
            float[] negGrad;
            float[] baseGrad;
            float[] uGrad;
            float loss;
            float estimate;
            try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
                NDArray p = m.create(pos);
                NDArray n = m.create(neg, new Shape(M, B));
                NDArray bl = m.create(base);
                NDArray uu = m.create(u);
                for (NDArray a : new NDArray[] {p, n, bl, uu}) {
                    a.setRequiresGradient(true);
                }
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList out = nd.loss(new Scores(p, n, null, M, bl, uu));
                    loss = out.get(0).toFloatArray()[0];
                    estimate = out.get(1).toFloatArray()[0];
                    gc.backward(out.get(0));
                }
                posGrad = p.getGradient().toFloatArray();
                negGrad = n.getGradient().toFloatArray();
                baseGrad = bl.getGradient().toFloatArray();
                uGrad = uu.getGradient().toFloatArray();
            }
            float[] out = new float[(M + 1) * B];
            System.arraycopy(pos, 0, out, 0, B);
            System.arraycopy(neg, 0, out, B, M * B);
            HostScores s = HostScores.rows(out, B, M, 1, base, u);
            host.gradient(s);
            String at = name + " step " + step;
            assertEquals(loss, s.loss(), 1e-5 * (1 + Math.abs(loss)), at + " loss");
            assertEquals(estimate, s.estimate(), 1e-5 * (1 + Math.abs(estimate)), at + " estimate");
            float[] scores = s.scoreGradient();
            float[] hostPos = new float[B];
            float[] hostNeg = new float[M * B];
            System.arraycopy(scores, 0, hostPos, 0, B);
            System.arraycopy(scores, B, hostNeg, 0, M * B);
            assertClose(posGrad, hostPos, at + " positives");
            assertClose(negGrad, hostNeg, at + " negatives");
            assertClose(baseGrad, s.baselineGradient(), at + " baseline");
            assertClose(uGrad, s.uGradient(), at + " u");
            if (columns) { // the same from the positives and one log-mean-exp per column
                HostScores c = HostScores.columns(pos, columnLme(neg), M, base, u);
                objective.get().gradient(c); // the columnwise bounds carry no state
                assertClose(posGrad, c.scoreGradient(), at + " columns: positives");
                assertClose(negGrad, expand(c.softmaxCoefficients(), neg), at + " columns: negatives");
            }
        }
    }

    private static double[] columnLme(float[] neg) {
        double[] lme = new double[B];
        for (int i = 0; i < B; i++) {
            double sum = 0;
            for (int k = 0; k < M; k++) {
                sum += Math.exp(neg[k * B + i]);
            }
            lme[i] = Math.log(sum / M);
        }
        return lme;
    }

    private static float[] expand(float[] coef, float[] neg) {
        double[] lme = columnLme(neg);
        float[] g = new float[M * B];
        for (int k = 0; k < M; k++) {
            for (int i = 0; i < B; i++) {
                g[k * B + i] = (float) (coef[i] * Math.exp(neg[k * B + i] - lme[i]) / M);
            }
        }
        return g;
    }

    private static void assertClose(float[] want, float[] got, String what) {
        if (got == null) { // the JVM step only fills the gradients the formula has
            for (float w : want) {
                assertEquals(0, w, 0, what);
            }
            return;
        }
        double scale = 0;
        for (float w : want) {
            scale = Math.max(scale, Math.abs(w));
        }
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-5 * (1 + scale), what + "[" + i + "]");
        }
    }

    @Test
    void theJvmStepsNeedsAndTheBaselineAreReadOffTheComposition() {
        Set<Bound> columnwise = EnumSet.noneOf(Bound.class);
        Set<Bound> baseline = EnumSet.noneOf(Bound.class);
        for (Bound b : Bound.values()) {
            Objective o = b.objective(TAU, ALPHA, new Ema(0.9));
            if (o.columnwise()) {
                columnwise.add(b);
            }
            if (b.needsBaseline()) {
                baseline.add(b);
            }
        }
        assertEquals(EnumSet.of(Bound.INFONCE, Bound.ALPHA_TUBA, Bound.FLO), columnwise);
        assertEquals(EnumSet.of(Bound.TUBA, Bound.ALPHA_TUBA), baseline);
        assertTrue(!everyPrimitive().columnwise() && everyPrimitive().needsBaseline());
    }
}
