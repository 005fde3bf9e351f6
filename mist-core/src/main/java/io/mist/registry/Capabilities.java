package io.mist.registry;

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
 */
public record Capabilities(boolean trains, boolean conditional, boolean ownUncertainty, boolean pointwise,
        Set<DataKind> inputKinds) {
    /** Copies the kinds; at least one. */
    public Capabilities {
        inputKinds = Set.copyOf(Checks.notNull("inputKinds", inputKinds));
        if (inputKinds.isEmpty()) {
            throw Checks.fail("inputKinds must name at least one kind of data");
        }
    }

    /** Continuous input only, nothing else. */
    public static Capabilities continuous() {
        return new Capabilities(false, false, false, false, EnumSet.of(DataKind.CONTINUOUS));
    }

    /** With training. */
    public Capabilities withTraining() {
        return new Capabilities(true, conditional, ownUncertainty, pointwise, inputKinds);
    }

    /** With conditional MI. */
    public Capabilities withConditional() {
        return new Capabilities(trains, true, ownUncertainty, pointwise, inputKinds);
    }

    /** With its own uncertainty. */
    public Capabilities withOwnUncertainty() {
        return new Capabilities(trains, conditional, true, pointwise, inputKinds);
    }

    /** With pointwise values. */
    public Capabilities withPointwise() {
        return new Capabilities(trains, conditional, ownUncertainty, true, inputKinds);
    }

    /** Taking exactly {@code kinds}. */
    public Capabilities withInputs(DataKind first, DataKind... more) {
        return new Capabilities(trains, conditional, ownUncertainty, pointwise, EnumSet.of(first, more));
    }
}
