package io.mist.core;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The result of a mutual-information estimate: the value in nats, its standard error and a p-value of
 * independence when estimated, optional pointwise values and training history, the seed and sample size
 * that produced it, and diagnostics in words. Immutable; arrays are copied in and out.
 *
 * <p>{@code standardError} and {@code pValue} are NaN when not estimated (test with
 * {@link #hasStandardError()} / {@link #hasPValue()}); {@code value} is always finite, a standard error is
 * never negative and a p-value lies in [0, 1] ({@link Builder#build()} rejects anything else).
 */
public final class MIEstimate {
    private final String estimator;
    private final double value;
    private final double standardError;
    private final double pValue;
    private final int n;
    private final int dx;
    private final int dy;
    private final long seed;
    private final double[] pointwise;
    private final TrainingHistory history;
    private final List<String> diagnostics;
    private final ResamplingScheme uncertaintyScheme;
    private final double seconds;
    private final Object model;

    private MIEstimate(Builder b) {
        this.estimator = Checks.notNull("estimator", b.estimator);
        if (!Double.isFinite(b.value)) {
            throw new IllegalStateException(Checks.format(
                    "estimator '%s' produced a non-finite value (%s); this is a bug or a diverged fit", b.estimator,
                    b.value));
        }
        if (!(b.standardError >= 0 || Double.isNaN(b.standardError))) {
            throw Checks.fail("standardError of estimator '%s' must be non-negative or NaN (not estimated), got %s",
                    b.estimator, b.standardError);
        }
        if (!(b.pValue >= 0 && b.pValue <= 1 || Double.isNaN(b.pValue))) {
            throw Checks.fail("pValue of estimator '%s' must be in [0, 1] or NaN (not computed), got %s",
                    b.estimator, b.pValue);
        }
        this.value = b.value;
        this.standardError = b.standardError;
        this.pValue = b.pValue;
        this.n = b.n;
        this.dx = b.dx;
        this.dy = b.dy;
        this.seed = b.seed;
        this.pointwise = b.pointwise == null ? null : b.pointwise.clone();
        this.history = b.history;
        this.diagnostics = Collections.unmodifiableList(new ArrayList<>(b.diagnostics));
        this.uncertaintyScheme = b.uncertaintyScheme;
        this.seconds = b.seconds;
        this.model = b.model;
    }

    /** A builder for an estimate of {@code value} nats by {@code estimator}. */
    public static Builder builder(String estimator, double value) {
        return new Builder(estimator, value);
    }

    /** A builder initialised with every field of this estimate. */
    public Builder toBuilder() {
        Builder b = new Builder(estimator, value);
        b.standardError = standardError;
        b.pValue = pValue;
        b.n = n;
        b.dx = dx;
        b.dy = dy;
        b.seed = seed;
        b.pointwise = pointwise;
        b.history = history;
        b.diagnostics.addAll(diagnostics);
        b.uncertaintyScheme = uncertaintyScheme;
        b.model = model;
        b.seconds = seconds;
        return b;
    }

    /** Registered name of the estimator. */
    public String estimator() {
        return estimator;
    }

    /** The estimate in nats. */
    public double value() {
        return value;
    }

    /** The estimate in bits. */
    public double bits() {
        return Units.natsToBits(value);
    }

    /** Standard error in nats, NaN when not estimated. */
    public double standardError() {
        return standardError;
    }

    /** Whether a standard error was estimated. */
    public boolean hasStandardError() {
        return Double.isFinite(standardError);
    }

    /** p-value of a test of independence, NaN when not computed. */
    public double pValue() {
        return pValue;
    }

    /** Whether a p-value was computed. */
    public boolean hasPValue() {
        return Double.isFinite(pValue);
    }

    /** Number of samples. */
    public int n() {
        return n;
    }

    /** Dimension of x. */
    public int dx() {
        return dx;
    }

    /** Dimension of y. */
    public int dy() {
        return dy;
    }

    /** Seed that produced this estimate. */
    public long seed() {
        return seed;
    }

    /** Per-sample values whose mean is the estimate, when the estimator defines them (a copy). */
    public Optional<double[]> pointwise() {
        return pointwise == null ? Optional.empty() : Optional.of(pointwise.clone());
    }

    /** Training history, for trained estimators. */
    public Optional<TrainingHistory> history() {
        return Optional.ofNullable(history);
    }

    /** Warnings and notes in words. */
    public List<String> diagnostics() {
        return diagnostics;
    }

    /** How the standard error was obtained. */
    public ResamplingScheme uncertaintyScheme() {
        return uncertaintyScheme;
    }

    /** Wall time of the estimate in seconds (0 when not measured). */
    public double seconds() {
        return seconds;
    }

    /**
     * The fitted model the estimate was computed from, when the estimator keeps one of type {@code type}
     * (e.g. {@code r.model(FittedGmm.class)} after {@code gmm}), so that it can be saved or plotted without
     * fitting again.
     */
    public <T> Optional<T> model(Class<T> type) {
        return type.isInstance(model) ? Optional.of(type.cast(model)) : Optional.empty();
    }

    /**
     * A normal-approximation confidence interval {@code value +/- z * standardError}.
     *
     * @param level coverage in (0, 1), e.g. 0.95
     * @throws IllegalStateException if no standard error was estimated
     */
    public double[] confidenceInterval(double level) {
        Checks.inOpenRange("level", level, 0, 1);
        if (!hasStandardError()) {
            throw new IllegalStateException("no standard error was estimated; use bootstrap(...) or an estimator "
                    + "that reports one");
        }
        double z = Math.sqrt(2) * InverseErfc.value(1 - level);
        return new double[] {value - z * standardError, value + z * standardError};
    }

    @Override
    public String toString() {
        return Checks.format("MIEstimate[%s: %.6f nats%s, n=%d]", estimator, value,
                hasStandardError() ? Checks.format(" +/- %.6f", standardError) : "", n);
    }

    /** Builder for {@link MIEstimate}; not thread-safe. */
    public static final class Builder {
        private final String estimator;
        private final double value;
        private double standardError = Double.NaN;
        private double pValue = Double.NaN;
        private int n;
        private int dx;
        private int dy;
        private long seed = Seeds.DEFAULT_SEED;
        private double[] pointwise;
        private TrainingHistory history;
        private final List<String> diagnostics = new ArrayList<>();
        private ResamplingScheme uncertaintyScheme = ResamplingScheme.NONE;
        private double seconds;
        private Object model;

        private Builder(String estimator, double value) {
            this.estimator = estimator;
            this.value = value;
        }

        /** Sets the standard error (nats). */
        public Builder standardError(double se) {
            this.standardError = se;
            return this;
        }

        /** Sets the p-value of independence. */
        public Builder pValue(double p) {
            this.pValue = p;
            return this;
        }

        /** Sets n, dx and dy from the inputs. */
        public Builder shape(Samples x, Samples y) {
            this.n = x.n();
            this.dx = x.dim();
            this.dy = y.dim();
            return this;
        }

        /** Sets n, dx and dy. */
        public Builder shape(int n, int dx, int dy) {
            this.n = n;
            this.dx = dx;
            this.dy = dy;
            return this;
        }

        /** Sets the seed. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Sets the pointwise values (copied at build). */
        public Builder pointwise(double[] values) {
            this.pointwise = values;
            return this;
        }

        /** Sets the training history. */
        public Builder history(TrainingHistory h) {
            this.history = h;
            return this;
        }

        /** Adds a diagnostic. */
        public Builder diagnostic(String message) {
            this.diagnostics.add(message);
            return this;
        }

        /** Sets the uncertainty scheme. */
        public Builder uncertaintyScheme(ResamplingScheme scheme) {
            this.uncertaintyScheme = scheme;
            return this;
        }

        /** Sets the wall time in seconds. */
        public Builder seconds(double s) {
            this.seconds = s;
            return this;
        }

        /** The fitted model the value was computed from (see {@link MIEstimate#model(Class)}). */
        public Builder model(Object fitted) {
            this.model = fitted;
            return this;
        }

        /** The immutable estimate. */
        public MIEstimate build() {
            return new MIEstimate(this);
        }
    }
}
