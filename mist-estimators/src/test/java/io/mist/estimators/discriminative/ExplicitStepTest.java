package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import io.mist.core.ExplicitStep;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.Nonlinearity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explicit training step (forward on fixed views, loss gradient on the JVM, hand-written backward) gives
 * the same loss, estimate and parameter gradient as PyTorch's autograd through {@link Bound#loss} on the same
 * batch with the same negatives, for every bound, {@code neg_samples} setting, baseline and activation.
 */
class ExplicitStepTest {
    private static final int DX = 3;
    private static final int DY = 2;
    private static final int B = 7;

    static Stream<Arguments> configurations() {
        List<Arguments> cases = new ArrayList<>();
        for (Bound b : Bound.values()) {
            for (int neg : new int[] {1, 3, 0, -1}) {
                cases.add(Arguments.of(b.id() + " joint neg " + neg, DiscriminativeConfig.builder(b)
                        .criticType(CriticType.JOINT).negSamples(neg).hiddenDims(8, 6).build()));
            }
        }
        for (Bound b : new Bound[] {Bound.INFONCE, Bound.ALPHA_TUBA, Bound.FLO}) {
            for (int neg : new int[] {0, -1}) {
                cases.add(Arguments.of(b.id() + " separable neg " + neg, DiscriminativeConfig.builder(b)
                        .criticType(CriticType.SEPARABLE).negSamples(neg).hiddenDims(8, 6).build()));
            }
        }
        cases.add(Arguments.of("infonce separable one layer", DiscriminativeConfig.builder(Bound.INFONCE)
                .criticType(CriticType.SEPARABLE).hiddenDims(5).build()));
        for (BaselineType t : new BaselineType[] {BaselineType.MLP, BaselineType.LEARNABLE, BaselineType.CONSTANT}) {
            cases.add(Arguments.of("alpha-tuba separable baseline " + t, DiscriminativeConfig.builder(Bound.ALPHA_TUBA)
                    .baseline(t).baselineValue(0.3).hiddenDims(5, 4).build()));
        }
        for (Bound b : new Bound[] {Bound.TUBA, Bound.ALPHA_TUBA}) {
            for (BaselineType t : new BaselineType[] {BaselineType.MLP, BaselineType.LEARNABLE,
                BaselineType.CONSTANT}) {
                cases.add(Arguments.of(b.id() + " baseline " + t, DiscriminativeConfig.builder(b)
                        .criticType(CriticType.JOINT).negSamples(2).baseline(t).baselineValue(0.3)
                        .hiddenDims(5, 4, 3).build()));
            }
        }
        for (Nonlinearity a : Nonlinearity.values()) {
            cases.add(Arguments.of("tuba " + a.id(), DiscriminativeConfig.builder(Bound.TUBA).activation(a)
                    .hiddenDims(6, 5).build()));
        }
        cases.add(Arguments.of("nwj one hidden layer", DiscriminativeConfig.builder(Bound.NWJ).hiddenDims(4)
                .build()));
        for (Bound b : new Bound[] {Bound.MINE, Bound.DV}) {
            for (int neg : new int[] {1, 4, 0}) {
                cases.add(Arguments.of(b.id() + " with replacement neg " + neg, DiscriminativeConfig.builder(b)
                        .resampling(Resampling.WITH_REPLACEMENT).negSamples(neg).hiddenDims(8, 6).build()));
            }
        }
        cases.add(Arguments.of("smile tau 0.5", DiscriminativeConfig.builder(Bound.SMILE).tau(0.5).hiddenDims(6, 6)
                .build()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void sameLossEstimateAndGradientAsAutograd(String name, DiscriminativeConfig c) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                DiscriminativeNeuralEstimator explicit = DiscriminativeNeuralEstimator.create(c, DX, DY, m, 11);
                DiscriminativeNeuralEstimator graph = DiscriminativeNeuralEstimator.create(c, DX, DY, m, 11)) {
            for (int step = 0; step < 3; step++) { // several steps: MINE's moving average and fresh negatives
                try (NDManager s = m.newSubManager()) {
                    NDArray x = batch(s, DX, step);
                    NDArray y = batch(s, DY, step + 10);
                    Optional<ExplicitStep> e = explicit.explicitStep(x, y);
                    assertTrue(e.isPresent(), name);
                    float loss;
                    float est;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDList out = graph.trainingStep(x, y);
                        loss = out.get(0).toFloatArray()[0];
                        est = out.get(1).toFloatArray()[0];
                        gc.backward(out.get(0));
                    }
                    assertEquals(loss, e.get().loss(), 1e-5 * (1 + Math.abs(loss)), name + " loss");
                    assertEquals(est, e.get().estimate(), 1e-5 * (1 + Math.abs(est)), name + " estimate");
                    NDArray grad = graph.flatParameters().array().getGradient();
                    grad.attach(s);
                    float[] want = grad.toFloatArray();
                    grad.subi(grad); // gradients accumulate across collectors
                    float[] got = e.get().gradients().singletonOrThrow().toFloatArray();
                    assertEquals(want.length, got.length, name);
                    double scale = 0;
                    for (float w : want) {
                        scale = Math.max(scale, Math.abs(w));
                    }
                    assertTrue(scale > 0, name + ": the gradient is not all zero");
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i], got[i], 1e-5 * scale, name + " gradient[" + i + "]");
                    }
                }
            }
        }
    }

    @Test
    void fixedViewsShareTheParametersStorage() {
        DiscriminativeConfig c = DiscriminativeConfig.builder(Bound.NWJ).hiddenDims(4).build();
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                DiscriminativeNeuralEstimator net = DiscriminativeNeuralEstimator.create(c, DX, DY, m, 1)) {
            FlatParameters p = net.flatParameters();
            JointMlpCritic critic = (JointMlpCritic) net.critic();
            int w = critic.tail().weight(0);
            float[] before = p.fixedView(w).toFloatArray();
            float[] all = p.array().toFloatArray();
            for (int i = 0; i < all.length; i++) {
                all[i] += 1f;
            }
            try (NDManager s = m.newSubManager()) {
                p.array().set(new NDIndex("..."), s.create(all)); // in place, as the optimiser and restore-best do
            }
            float[] after = p.fixedView(w).toFloatArray();
            assertEquals(before.length, after.length);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i] + 1f, after[i], 1e-6f);
            }
        }
    }

    static Stream<Arguments> autogradOnly() {
        return Stream.of(
                Arguments.of("infonce separable, shifted negatives", DiscriminativeConfig.builder(Bound.INFONCE)
                        .negSamples(3).hiddenDims(4, 4).build()),
                Arguments.of("nwj separable", DiscriminativeConfig.builder(Bound.NWJ).criticType(CriticType.SEPARABLE)
                        .negSamples(0).hiddenDims(4, 4).build()),
                Arguments.of("tuba lme baseline", DiscriminativeConfig.builder(Bound.TUBA).baseline(BaselineType.LME)
                        .hiddenDims(4).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autogradOnly")
    void otherConfigurationsUseAutograd(String name, DiscriminativeConfig c) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                DiscriminativeNeuralEstimator net = DiscriminativeNeuralEstimator.create(c, DX, DY, m, 1)) {
            assertFalse(net.explicitStep(batch(m, DX, 0), batch(m, DY, 1)).isPresent(), name);
        }
    }

    private static NDArray batch(NDManager m, int d, int seed) {
        float[] v = new float[B * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (1.5 * Math.sin(0.9 * i + 1.7 * seed + 0.3));
        }
        return m.create(v, new Shape(B, d));
    }
}
