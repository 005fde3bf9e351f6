package io.mist.registry;

import io.mist.core.BoundType;
import io.mist.core.internal.Checks;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an estimator can do, declared by its provider and read by the facade and the CLI (never inferred
 * from option names). Immutable; start from {@link #continuous()} and add.
 *
 * @param trains it trains a network (and reports progress to listeners)
 * @param conditional it implements {@link io.mist.core.ConditionalMutualInformationEstimator}
 * @param ownUncertainty it computes its own resampling standard error when asked for replicates
 *     ({@link EstimatorOptions#replicates()})
 * @param pointwise its estimates carry pointwise values (one per row)
 * @param inputKinds the kinds of data it takes
 * @param bound whether its value is a lower bound, an upper bound or neither of the true MI
 */
public record Capabilities(boolean trains, boolean conditional, boolean ownUncertainty, boolean pointwise,
        Set<DataKind> inputKinds, BoundType bound) {
    /** Copies the kinds; at least one. */
    public Capabilities {
        inputKinds = Set.copyOf(Checks.notNull("inputKinds", inputKinds));
        if (inputKinds.isEmpty()) {
            throw Checks.fail("inputKinds must name at least one kind of data");
        }
        Checks.notNull("bound", bound);
    }

    /** Capabilities of an estimator that is neither a lower nor an upper bound ({@link BoundType#NEITHER}). */
    public Capabilities(boolean trains, boolean conditional, boolean ownUncertainty, boolean pointwise,
            Set<DataKind> inputKinds) {
        this(trains, conditional, ownUncertainty, pointwise, inputKinds, BoundType.NEITHER);
    }

    /** Continuous input only, nothing else; neither bound. */
    public static Capabilities continuous() {
        return new Capabilities(false, false, false, false, EnumSet.of(DataKind.CONTINUOUS), BoundType.NEITHER);
    }

    /** With the bound direction of its value ({@link BoundType#NEITHER} unless declared). */
    public Capabilities withBound(BoundType direction) {
        return new Capabilities(trains, conditional, ownUncertainty, pointwise, inputKinds, direction);
    }

    /** With training. */
    public Capabilities withTraining() {
        return new Capabilities(true, conditional, ownUncertainty, pointwise, inputKinds, bound);
    }

    /** With conditional MI. */
    public Capabilities withConditional() {
        return new Capabilities(trains, true, ownUncertainty, pointwise, inputKinds, bound);
    }

    /** With its own uncertainty. */
    public Capabilities withOwnUncertainty() {
        return new Capabilities(trains, conditional, true, pointwise, inputKinds, bound);
    }

    /** With pointwise values. */
    public Capabilities withPointwise() {
        return new Capabilities(trains, conditional, ownUncertainty, true, inputKinds, bound);
    }

    /** Taking exactly {@code kinds}. */
    public Capabilities withInputs(DataKind first, DataKind... more) {
        return new Capabilities(trains, conditional, ownUncertainty, pointwise, EnumSet.of(first, more), bound);
    }
}
