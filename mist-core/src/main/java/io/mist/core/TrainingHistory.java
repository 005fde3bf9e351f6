package io.mist.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What happened during training: per-iteration training loss and batch estimate, and per-evaluation
 * validation estimate. Immutable; built by the trainer with {@link Builder}.
 */
public final class TrainingHistory {
    /** One training step. */
    public record Step(int iteration, double loss, double estimate) {
    }

    /** One validation evaluation. */
    public record Evaluation(int iteration, double estimate) {
    }

    private final List<Step> steps;
    private final List<Evaluation> evaluations;

    private TrainingHistory(List<Step> steps, List<Evaluation> evaluations) {
        this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
        this.evaluations = Collections.unmodifiableList(new ArrayList<>(evaluations));
    }

    /** A history with no entries. */
    public static TrainingHistory empty() {
        return new TrainingHistory(List.of(), List.of());
    }

    /** Training steps in order. */
    public List<Step> steps() {
        return steps;
    }

    /** Validation evaluations in order. */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /**
     * The history as CSV with header {@code kind,iteration,loss,estimate}; {@code kind} is {@code train} or
     * {@code valid} (validation rows have an empty loss).
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("kind,iteration,loss,estimate\n");
        for (Step s : steps) {
            sb.append(String.format(Locale.ROOT, "train,%d,%.9g,%.9g\n", s.iteration(), s.loss(), s.estimate()));
        }
        for (Evaluation e : evaluations) {
            sb.append(String.format(Locale.ROOT, "valid,%d,,%.9g\n", e.iteration(), e.estimate()));
        }
        return sb.toString();
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private final List<Evaluation> evaluations = new ArrayList<>();

        /** An empty builder. */
        public Builder() {
        }

        /** Records a training step. */
        public Builder step(int iteration, double loss, double estimate) {
            steps.add(new Step(iteration, loss, estimate));
            return this;
        }

        /** Records a validation evaluation. */
        public Builder evaluation(int iteration, double estimate) {
            evaluations.add(new Evaluation(iteration, estimate));
            return this;
        }

        /** The immutable history. */
        public TrainingHistory build() {
            return new TrainingHistory(steps, evaluations);
        }
    }
}
