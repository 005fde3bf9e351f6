package io.mist.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.TrainingHistory;
import io.mist.data.PairedData;
import io.mist.train.FitResult.StopReason;
import io.mist.train.OneParameterEstimator.Loss;
import io.mist.train.internal.EngineThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The trainer on {@link OneParameterEstimator}, whose validation value is known in closed form. With
 * constant x = 1, learning rate 0.01 and gradient -1, Adam moves theta by 0.01 per step (to float rounding,
 * about 1e-6 after 150 steps), so the validation value at iteration t is {@code -(0.01 t - 1)^2} for a lower
 * bound: -0.81, -0.64, ..., -0.01, ~0 at t = 100, then -0.01, -0.04, ... The evaluation grid is every 10
 * iterations; 100 rows with 10 % held out give 90 training rows, 9 batches of 10 per epoch.
 */
class TrainerTest {
    private static final Rows ONES = Rows.constant(100, 1f);

    private static TrainConfig.Builder config() {
        return TrainConfig.builder().batchSize(10).learningRate(0.01).evalEvery(10).maxIterations(1000).seed(7);
    }

    /** Runs {@code body} on a fresh estimator made by {@code make} in its own manager. */
    private static <T> T with(Function<NDManager, OneParameterEstimator> make,
            Function<OneParameterEstimator, T> body) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu()); OneParameterEstimator e = make.apply(m)) {
            return body.apply(e);
        }
    }

    private static FitResult fit(Function<NDManager, OneParameterEstimator> make, PairedData data,
            TrainConfig c) {
        return with(make, e -> Trainer.fit(e, data, c));
    }

    @Test
    void earlyStoppingOnALowerBoundStopsPatienceEvaluationsAfterTheMaximum() {
        FitResult r = fit(OneParameterEstimator::lower, ONES, config().patience(3).build());
        assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
        assertEquals(100, r.bestIteration());
        assertEquals(130, r.iterations());
        assertTrue(r.restoredBest());
        assertTrue(r.bestValidation() > -1e-8 && r.bestValidation() <= 0, () -> "best " + r.bestValidation());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.contains("early stopping after 130 iterations")),
                r.diagnostics()::toString);
        FitResult five = fit(OneParameterEstimator::lower, ONES, config().patience(5).build());
        assertEquals(150, five.iterations());
        assertEquals(100, five.bestIteration());
    }

    @Test
    void upperBoundsAreMinimised() {
        // value +(theta - 1)^2: the minimum is at t = 100, as the lower bound's maximum
        FitResult mirrored = fit(m -> new OneParameterEstimator(m, -1f, BoundType.UPPER, Loss.CONSTANT_GRADIENT,
                true), ONES, config().patience(3).build());
        assertEquals(100, mirrored.bestIteration());
        assertEquals(130, mirrored.iterations());
        // value -(theta - 1)^2 minimised: -0.81 at t = 10 is the best, -0.64, -0.49, -0.36 are worse
        FitResult r = fit(m -> new OneParameterEstimator(m, 1f, BoundType.UPPER, Loss.CONSTANT_GRADIENT, true),
                ONES, config().patience(3).build());
        assertEquals(StopReason.EARLY_STOPPING, r.stopReason());
        assertEquals(10, r.bestIteration());
        assertEquals(40, r.iterations());
        double min = r.history().evaluations().stream().mapToDouble(TrainingHistory.Evaluation::estimate).min()
                .orElseThrow();
        assertEquals(min, r.bestValidation(), 0.0);
    }

    /**
     * An estimator that chooses its checkpoint by a score keeps the largest validation score whatever its bound
     * direction: the upper-bound-labelled value {@code -(theta - 1)^2} scored by itself is best at t = 100, where
     * minimising the value would keep t = 10.
     */
    @Test
    void aCheckpointScoreIsMaximisedWhateverTheBound() {
        FitResult r = with(m -> new OneParameterEstimator(m, 1f, BoundType.UPPER, Loss.CONSTANT_GRADIENT, true),
                e -> Trainer.fit(new ScoredByItself(e), ONES, config().patience(3).build()));
        assertEquals(100, r.bestIteration());
        assertTrue(r.bestValidation() > -1e-8 && r.bestValidation() <= 0, () -> "best " + r.bestValidation());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.contains("checkpoint score")), r.diagnostics()::toString);
    }

    /** {@code e} with {@link io.mist.core.NeuralEstimator#checkpointByScore()} on (the score: its pointwise values). */
    private record ScoredByItself(OneParameterEstimator e) implements io.mist.core.NeuralEstimator {
        @Override
        public String name() {
            return e.name();
        }

        @Override
        public ai.djl.ndarray.NDArray loss(ai.djl.ndarray.NDArray x, ai.djl.ndarray.NDArray y) {
            return e.loss(x, y);
        }

        @Override
        public ai.djl.ndarray.NDArray pointwise(ai.djl.ndarray.NDArray x, ai.djl.ndarray.NDArray y) {
            return e.pointwise(x, y);
        }

        @Override
        public BoundType boundType() {
            return e.boundType();
        }

        @Override
        public boolean checkpointByScore() {
            return true;
        }

        @Override
        public ai.djl.ndarray.NDList parameters() {
            return e.parameters();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anImprovementMustExceedTheTolerance() {
        // from -0.01 at t = 90 to ~0 at t = 100 is +0.01: not an improvement at tolerance 0.015 (the earlier
        // steps, at least +0.03, are); patience 3 then stops at 120
        FitResult r = fit(OneParameterEstimator::lower, ONES, config().patience(3).tolerance(0.015).build());
        assertEquals(90, r.bestIteration());
        assertEquals(120, r.iterations());
        Improvement rule = new Improvement(true, 0.5);
        assertFalse(rule.improves(1.5, 1.0));
        assertTrue(rule.improves(Math.nextUp(1.5), 1.0));
        assertTrue(rule.improves(-1e300, rule.initial()));
        Improvement down = Improvement.of(BoundType.UPPER, 0);
        assertTrue(down.improves(0.9, 1.0));
        assertFalse(down.improves(1.0, 1.0));
        assertTrue(Improvement.of(BoundType.NEITHER, 0).maximise());
    }

    @Test
    void restoredParametersGiveTheBestValidationValueBitForBit() {
        with(OneParameterEstimator::lower, e -> {
            FitResult r = Trainer.fit(e, ONES, config().patience(3).build());
            List<TrainingHistory.Evaluation> evs = r.history().evaluations();
            int best = -1;
            for (int i = 0; i < evs.size(); i++) {
                if (evs.get(i).iteration() == r.bestIteration()) {
                    best = i;
                }
            }
            // theta now is theta at the best evaluation, exactly, and the value recomputed from it is the best
            assertEquals(e.thetaAtEvaluations().get(best), e.theta(), 0f);
            assertEquals(r.bestValidation(), Trainer.evaluate(e, r.validation().orElseThrow(), 10).value(), 0.0);
            assertTrue(evs.get(evs.size() - 1).estimate() < r.bestValidation() - 0.05);
            return null;
        });
        // without early stopping nothing is restored: the last parameters stay
        with(OneParameterEstimator::lower, e -> {
            FitResult r = Trainer.fit(e, ONES, config().earlyStopping(false).maxIterations(130).build());
            assertFalse(r.restoredBest());
            assertEquals(100, r.bestIteration());
            assertEquals(1.3f, e.theta(), 1e-4f);
            return null;
        });
    }

    @Test
    void aNonFiniteLossStopsTrainingAndRestoresTheBestParameters() {
        FitResult r = fit(m -> OneParameterEstimator.lower(m).nanAtStep(125), ONES, config().patience(100)
                .build());
        assertEquals(StopReason.DIVERGED, r.stopReason());
        assertTrue(r.diverged());
        assertEquals(125, r.iterations());
        assertEquals(125, r.history().steps().size());
        assertTrue(Double.isNaN(r.history().steps().get(124).loss()));
        assertTrue(r.restoredBest());
        assertEquals(100, r.bestIteration());
        String d = String.join("; ", r.diagnostics());
        assertTrue(d.contains("training diverged at iteration 125: loss NaN") && d.contains("try a smaller lr")
                && d.contains("restored to iteration 100"), d);
        assertFalse(d.contains("learning rate") || d.contains("learningRate"), d);
        // before any evaluation: nothing to restore
        FitResult early = fit(m -> OneParameterEstimator.lower(m).nanAtStep(5), ONES, config().build());
        assertEquals(StopReason.DIVERGED, early.stopReason());
        assertEquals(5, early.iterations());
        assertFalse(early.restoredBest());
        assertEquals(-1, early.bestIteration());
        assertTrue(Double.isNaN(early.bestValidation()));
        // a non-finite validation value stops training too (theta passes 0.455 between t = 40 and 50)
        FitResult valid = fit(m -> OneParameterEstimator.lower(m).nanAbove(0.455f), ONES, config().build());
        assertEquals(StopReason.DIVERGED, valid.stopReason());
        assertEquals(50, valid.iterations());
        assertEquals(40, valid.bestIteration());
        assertTrue(valid.restoredBest());
        assertTrue(valid.diagnostics().get(0).contains("validation estimate NaN"), valid.diagnostics()::toString);
    }

    @Test
    void trainingDataThatFloat32CannotHoldFailsWithTheColumn() {
        float[] x = new float[20];
        x[13] = Float.POSITIVE_INFINITY;
        for (Rows data : new Rows[] {new Rows(x, true), new Rows(x, false)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> fit(OneParameterEstimator::lower, data, config().validFraction(0).build()));
            assertTrue(e.getMessage().startsWith("x column 0 holds Infinity in float32 (row 13 of the training rows)"),
                    e::getMessage);
        }
    }

    @Test
    void theValidationSplitIsSeededDisjointAndOfTheRequestedSize() {
        TrainConfig c = config().validFraction(0.25).build();
        int[][] parts = Trainer.split(101, c);
        assertEquals(76, parts[0].length);
        assertEquals(25, parts[1].length);
        boolean[] seen = new boolean[101];
        for (int[] part : parts) {
            for (int i = 0; i < part.length; i++) {
                assertFalse(seen[part[i]]);
                seen[part[i]] = true;
                assertTrue(i == 0 || part[i] > part[i - 1], "sorted");
            }
        }
        assertArrayEquals(parts[1], Trainer.split(101, c)[1]);
        assertFalse(java.util.Arrays.equals(parts[1], Trainer.split(101, c.toBuilder().seed(8).build())[1]));
        // at least one validation row and two training rows
        assertEquals(1, Trainer.split(3, config().validFraction(0.01).build())[1].length);
        assertEquals(1, Trainer.split(3, config().validFraction(0.9).build())[1].length);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> Trainer.split(2, c));
        assertTrue(small.getMessage().contains("valid_percentage"), small::getMessage);
        // the fit holds out the same rows
        FitResult r = fit(OneParameterEstimator::lower, Rows.uniform(101, 3), c.toBuilder().maxIterations(5)
                .build());
        assertEquals(25, r.validation().orElseThrow().size());
        // explicit validation data: all rows train; none held out: early stopping is off, with a note
        FitResult given = fit(OneParameterEstimator::lower, ONES, config().validationData(Rows.constant(7, 1f))
                .maxIterations(10).build());
        assertEquals(7, given.validation().orElseThrow().size());
        FitResult none = fit(OneParameterEstimator::lower, ONES, config().validFraction(0).patience(1).build());
        assertTrue(none.validation().isEmpty());
        assertEquals(StopReason.MAX_ITERATIONS, none.stopReason());
        assertEquals(1000, none.iterations());
        assertTrue(none.diagnostics().contains(
                "early stopping needs validation data (valid_percentage > 0); it was disabled"));
    }

    @Test
    void iterationAndEpochLimits() {
        TrainConfig.Builder c = config().earlyStopping(false);
        FitResult its = fit(OneParameterEstimator::lower, ONES, c.maxIterations(37).build());
        assertEquals(37, its.iterations());
        assertEquals(5, its.epochs());
        assertEquals(StopReason.MAX_ITERATIONS, its.stopReason());
        // a final evaluation when the budget ends between evaluations
        assertEquals(List.of(10, 20, 30, 37), its.history().evaluations().stream()
                .map(TrainingHistory.Evaluation::iteration).toList());
        FitResult epochs = fit(OneParameterEstimator::lower, ONES, config().earlyStopping(false).maxEpochs(3)
                .build());
        assertEquals(27, epochs.iterations());
        assertEquals(3, epochs.epochs());
        assertEquals(StopReason.MAX_EPOCHS, epochs.stopReason());
        FitResult both = fit(OneParameterEstimator::lower, ONES, c.maxIterations(20).maxEpochs(3).build());
        assertEquals(20, both.iterations());
        assertEquals(StopReason.MAX_ITERATIONS, both.stopReason());
        FitResult epochsFirst = fit(OneParameterEstimator::lower, ONES, c.maxIterations(40).maxEpochs(3).build());
        assertEquals(27, epochsFirst.iterations());
        assertEquals(StopReason.MAX_EPOCHS, epochsFirst.stopReason());
        // defaults: 10,000 iterations in memory, 20 epochs streamed
        List<String> notes = new ArrayList<>();
        Plan mem = Plan.of(TrainConfig.builder().batchSize(10).build(), 90, true, 10, notes);
        assertEquals(TrainConfig.DEFAULT_MAX_ITERATIONS, mem.maxIterations());
        assertFalse(mem.epochLimited());
        Plan streamed = Plan.of(TrainConfig.builder().batchSize(10).build(), 90, false, 10, notes);
        assertEquals(TrainConfig.DEFAULT_MAX_EPOCHS * 9, streamed.maxIterations());
        assertTrue(streamed.epochLimited());
        assertTrue(notes.isEmpty());
        FitResult s = fit(OneParameterEstimator::lower, ONES.streamed(), config().earlyStopping(false)
                .maxIterations(Integer.MAX_VALUE).maxEpochs(TrainConfig.DEFAULT_MAX_EPOCHS).build());
        assertEquals(180, s.iterations());
        assertEquals(StopReason.MAX_EPOCHS, s.stopReason());
        // a batch larger than the training rows is cut to them, with a note in the user's terms
        Plan big = Plan.of(TrainConfig.builder().batchSize(128).build(), 90, true, 10, notes);
        assertEquals(90, big.batch());
        assertEquals(1, big.perEpoch());
        assertEquals(List.of("batch_size 128 exceeds the 90 training samples; using 90"), notes);
        assertThrows(IllegalArgumentException.class, () -> Plan.of(config().build(), 1, true, 0, notes));
    }

    @Test
    void learningRateWarmupAndCosineAnnealing() {
        TrainConfig c = TrainConfig.builder().learningRate(0.1).warmupIterations(4)
                .annealing(TrainConfig.Annealing.COSINE).build();
        assertEquals(0.1 * 0.25 * 1.0, Plan.learningRate(c, 0, 100), 1e-15);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 50 / 100)), Plan.learningRate(c, 50, 100), 1e-15);
        assertEquals(0.1, Plan.learningRate(TrainConfig.builder().learningRate(0.1).build(), 99, 100), 0.0);
    }

    @Test
    void theThreeStepPathsAndStreamingGiveTheSameFit() {
        TrainConfig c = config().patience(3).build();
        String explicit = fit(OneParameterEstimator::lower, ONES, c).history().toCsv();
        String autograd = fit(m -> new OneParameterEstimator(m, 1f, BoundType.LOWER, Loss.CONSTANT_GRADIENT,
                false), ONES, c).history().toCsv();
        // the collector path (engines other than PyTorch), forced on PyTorch
        String collector = with(m -> new OneParameterEstimator(m, 1f, BoundType.LOWER, Loss.CONSTANT_GRADIENT,
                false), e -> new TrainingLoop(e, ONES, c, false).run()).history().toCsv();
        String streamed = fit(OneParameterEstimator::lower, ONES.streamed(), c).history().toCsv();
        assertEquals(explicit, autograd);
        assertEquals(explicit, collector);
        assertEquals(explicit, streamed);
    }

    @Test
    void listenersSeeEveryStepAndEvaluationInOrder() {
        List<String> seen = new ArrayList<>();
        TrainListener l = new TrainListener() {
            @Override
            public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
                seen.add("start " + estimator + " " + maxIterations + " " + trainSize + " " + validSize);
            }

            @Override
            public void onStep(int iteration, double loss, double estimate) {
                seen.add("step " + iteration);
            }

            @Override
            public void onEvaluation(int iteration, double value, double best) {
                seen.add("eval " + iteration);
            }

            @Override
            public void onEnd(FitResult result) {
                seen.add("end " + result.iterations());
            }
        };
        fit(OneParameterEstimator::lower, ONES, config().maxIterations(12).listener(l).listener(l).build());
        assertEquals(List.of("start one-parameter 12 90 10", "start one-parameter 12 90 10"), seen.subList(0, 2));
        assertEquals(List.of("step 10", "step 10", "eval 10", "eval 10", "step 11", "step 11"), seen.subList(20,
                26));
        assertEquals(List.of("eval 12", "eval 12", "end 12", "end 12"), seen.subList(seen.size() - 4, seen.size()));
    }

    @Test
    void fitsDoNotDependOnTheEngineSeedAndRunConcurrentlyAsSequentially() throws Exception {
        Rows data = Rows.uniform(400, 11);
        List<Callable<String>> fits = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            TrainConfig c = config().seed(20 + k).batchSize(16).maxIterations(150).patience(50).build();
            boolean explicit = k % 2 == 0;
            fits.add(() -> fit(m -> new OneParameterEstimator(m, 1f, BoundType.LOWER, Loss.REGRESSION, explicit),
                    data, c).history().toCsv());
        }
        List<String> sequential = new ArrayList<>();
        for (Callable<String> f : fits) {
            sequential.add(f.call());
        }
        assertFalse(sequential.get(0).equals(sequential.get(2)), "different seeds shuffle differently");
        Engine.getInstance().setRandomSeed(12345);
        assertEquals(sequential.get(0), fits.get(0).call());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> running = new ArrayList<>();
                for (Callable<String> f : fits) {
                    running.add(pool.submit(f));
                }
                for (int k = 0; k < fits.size(); k++) {
                    assertEquals(sequential.get(k), running.get(k).get(), "fit " + k + " round " + round);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void engineThreadsAreRequestedAtMostOnceAndNeverOverrideTheUser() {
        // the test JVM has started the engine already; the request only touches the property, once
        String before = System.getProperty(EngineThreads.PROPERTY);
        assertFalse(EngineThreads.request(0));
        boolean first = EngineThreads.request(3);
        assertEquals(before == null && first, "3".equals(System.getProperty(EngineThreads.PROPERTY)));
        assertFalse(EngineThreads.request(5));
        assertTrue(before == null || before.equals(System.getProperty(EngineThreads.PROPERTY)));
    }
}
