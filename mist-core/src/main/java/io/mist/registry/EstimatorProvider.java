package io.mist.registry;

import io.mist.core.BoundType;
import io.mist.core.MutualInformationEstimator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service that makes one named estimator from options. Implementations are registered in
 * {@code META-INF/services/io.mist.registry.EstimatorProvider} and found by {@link EstimatorRegistry};
 * most extend {@link ConfigProvider}, which generates everything from the estimator's config schema.
 * Capabilities are typed methods, never inferred from option names.
 */
public interface EstimatorProvider {
    /** The registered name, lower case, e.g. {@code "ksg"}. */
    String name();

    /** One line for {@code mist list}. */
    String description();

    /** The family, e.g. {@code "nonparametric"}, {@code "discriminative"}. */
    String family();

    /**
     * The family, typed: a known {@link EstimatorFamily} with its title and summary, or a new one named by
     * {@link #family()} (so that a provider of a new family needs nothing more).
     */
    default EstimatorFamily estimatorFamily() {
        return EstimatorFamily.of(family());
    }

    /** Whether the value is a lower bound, an upper bound or neither of the true MI; from {@link #capabilities()}. */
    default BoundType bound() {
        return capabilities().bound();
    }

    /** Options with their types and defaults. */
    List<OptionSpec> options();

    /**
     * Builds the estimator from parsed options (range checks happen in the estimator's config).
     *
     * @throws io.mist.core.InvalidOptionException naming the option the user typed when a value is out of
     *     range
     */
    MutualInformationEstimator create(EstimatorOptions options);

    /** What the estimator can do; by default: continuous input, nothing else. */
    default Capabilities capabilities() {
        return Capabilities.continuous();
    }

    /** Whether it trains a network (and reports to {@link EstimatorOptions#listeners()}). */
    default boolean trains() {
        return capabilities().trains();
    }

    /** Whether the built estimator implements {@link io.mist.core.ConditionalMutualInformationEstimator}. */
    default boolean supportsConditional() {
        return capabilities().conditional();
    }

    /** Whether it computes its own standard error from {@link EstimatorOptions#replicates()}. */
    default boolean ownUncertainty() {
        return capabilities().ownUncertainty();
    }

    /** Whether its estimates carry pointwise values. */
    default boolean pointwise() {
        return capabilities().pointwise();
    }

    /** The kinds of data it takes. */
    default Set<DataKind> inputKinds() {
        return capabilities().inputKinds();
    }

    /** Whether the estimator fits data of this kind and dimension (used by {@code mist demo}). */
    default boolean supports(DataKind kind, int dx, int dy) {
        return inputKinds().contains(kind);
    }

    /** Option overrides that keep {@code mist demo} quick (e.g. fewer iterations); none by default. */
    default Map<String, String> demoOptions() {
        return Map.of();
    }
}
