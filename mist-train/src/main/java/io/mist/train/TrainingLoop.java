package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.internal.Checks;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.core.TrainingHistory;
import io.mist.data.PairedData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fit of {@link Trainer#fit}: epochs of shuffled batches, one {@link StepStrategy} step per batch, a
 * validation evaluation every {@link Plan#evalEvery()} iterations judged by {@link BestParameters}, and the
 * end of training (budget, early stopping or divergence) with restore-best. Single use; not thread-safe.
 */
final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final NeuralEstimator estimator;
    private final TrainConfig config;
    private final ValidationSplit split;
    private final Plan plan;
    private final Listeners listeners;
    private final List<String> notes;
    private final boolean direct;
    private final TrainingHistory.Builder history = new TrainingHistory.Builder();
    private int it;
    private int epoch;
    private int lastEvaluation;
    private double estimateAtBest = Double.NaN;
    private FitResult.StopReason reason;
    private String divergence;

    TrainingLoop(NeuralEstimator estimator, PairedData data, TrainConfig config, boolean direct) {
        this.estimator = estimator;
        this.config = config;
        this.notes = new ArrayList<>();
        this.split = ValidationSplit.of(data, config);
        this.plan = Plan.of(config, split.train().size(), data.inMemory(), split.validSize(), notes);
        this.listeners = new Listeners(config.listeners());
        this.direct = direct;
    }

    FitResult run() {
        listeners.onStart(estimator.name(), plan.maxIterations(), split.train().size(), split.validSize());
        LOG.debug("{}: training {} iterations (batch {}, {} per epoch, lr {}), {} training / {} validation rows",
                estimator.name(), plan.maxIterations(), plan.batch(), plan.perEpoch(), config.learningRate(),
                split.train().size(), split.validSize());
        NDList params = estimator.parameters();
        long t0 = System.nanoTime();
        boolean restored;
        BestParameters best;
        boolean gradMode = direct && Autograd.setGradMode(true);
        try (NDManager root = params.get(0).getManager().newSubManager();
                Adam adam = new Adam(params, root, config.beta1(), config.beta2(), config.epsilon())) {
            Improvement rule = estimator.checkpointByScore() ? new Improvement(true, config.tolerance())
                    : Improvement.of(estimator.boundType(), config.tolerance());
            best = new BestParameters(rule, params, root, direct);
            NDArray ones = root.ones(new Shape(), params.get(0).getDataType());
            StepStrategy steps = StepStrategy.of(estimator, adam, ones, direct);
            BatchSource batches = BatchSource.of(split.train(), plan.batch(), root);
            train(steps, batches, root, best);
            if (reason != FitResult.StopReason.DIVERGED && split.valid() != null && lastEvaluation != it) {
                evaluate(best);
            }
            restored = (plan.earlyStopping() || reason == FitResult.StopReason.DIVERGED)
                    && best.restoreUnlessAt(it);
        } finally {
            if (direct) {
                Autograd.setGradMode(gradMode);
            }
        }
        if (divergence != null) {
            notes.add(divergence + (restored ? Checks.format("; parameters restored to iteration %d",
                    best.iteration()) : ""));
        } else if (restored) {
            notes.add(Checks.format("%s after %d iterations; best validation %s at iteration %d, "
                    + "parameters restored", reason == FitResult.StopReason.EARLY_STOPPING ? "early stopping"
                    : "training ended", it, estimator.checkpointByScore()
                            ? Checks.format("checkpoint score %.4f (estimate %.4f)", best.value(), estimateAtBest)
                            : Checks.format("estimate %.4f", best.value()), best.iteration()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int bestIt = best.iteration();
        FitResult r = new FitResult(history.build(), it, epoch, seconds, reason, bestIt < 0 ? Double.NaN
                : estimateAtBest, bestIt, restored, Optional.ofNullable(split.valid()), notes);
        LOG.debug("{}: {} after {} iterations in {} s ({} it/s), best validation {} at {}{}", estimator.name(),
                reason, it, seconds, r.iterationsPerSecond(), r.bestValidation(), bestIt,
                divergence == null ? "" : "; " + divergence);
        listeners.onEnd(r);
        return r;
    }

    private void train(StepStrategy steps, BatchSource batches, NDManager root, BestParameters best) {
        UniformRandomProvider shuffle = Seeds.rng(config.seed(), RandomStream.TRAIN_SHUFFLE);
        while (it < plan.maxIterations()) {
            epoch++;
            int[] perm = Seeds.permutation(split.train().size(), shuffle);
            try (NDManager ep = root.newSubManager()) {
                batches.beginEpoch(perm, ep);
                for (int b = 0; b < plan.perEpoch() && it < plan.maxIterations(); b++) {
                    StepResult s;
                    try (NDManager step = root.newSubManager()) {
                        NDArray[] xy = batches.batch(b, step);
                        s = steps.step(xy[0], xy[1], Plan.learningRate(config, it, plan.maxIterations()), step);
                    }
                    it++;
                    history.step(it, s.loss(), s.estimate());
                    listeners.onStep(it, s.loss(), s.estimate());
                    if (!s.finite()) {
                        diverged(Checks.format("loss %s, estimate %s", s.loss(), s.estimate()));
                        return;
                    }
                    if (split.valid() != null && it % plan.evalEvery() == 0) {
                        if (!evaluate(best)) {
                            return;
                        }
                        if (plan.earlyStopping() && best.sinceBest() >= config.patience()) {
                            reason = FitResult.StopReason.EARLY_STOPPING;
                            return;
                        }
                    }
                }
            }
        }
        reason = plan.epochLimited() ? FitResult.StopReason.MAX_EPOCHS : FitResult.StopReason.MAX_ITERATIONS;
    }

    /** Evaluates on the validation data at iteration {@code it}; returns false when the value is not finite. */
    private boolean evaluate(BestParameters best) {
        lastEvaluation = it;
        double v = Trainer.evaluate(estimator, split.valid(), config.effectiveEvalBatchSize(), direct).value();
        if (!Double.isFinite(v)) {
            diverged(Checks.format("validation estimate %s", v));
            return false;
        }
        double score = v;
        if (estimator.checkpointByScore()) {
            score = Trainer.evaluate(estimator, split.valid(), config.effectiveEvalBatchSize(), direct, true).value();
            if (!Double.isFinite(score)) {
                diverged(Checks.format("validation checkpoint score %s", score));
                return false;
            }
        }
        if (best.offer(it, score)) {
            estimateAtBest = v;
        }
        history.evaluation(it, v);
        listeners.onEvaluation(it, v, estimateAtBest);
        return true;
    }

    private void diverged(String what) {
        reason = FitResult.StopReason.DIVERGED;
        divergence = Checks.format("training diverged at iteration %d: %s; try a smaller lr (lr = %s)", it, what,
                config.learningRate());
    }
}
