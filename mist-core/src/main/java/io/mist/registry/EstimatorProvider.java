package io.mist.registry;

import io.mist.core.MutualInformationEstimator;

import java.util.List;
import java.util.Map;

/**
 * A service that makes one named estimator from options. Implementations are registered in
 * {@code META-INF/services/io.mist.registry.EstimatorProvider} and found by {@link EstimatorRegistry}.
 */
public interface EstimatorProvider {
    /** The registered name, lower case, e.g. {@code "ksg"}. */
    String name();

    /** One line for {@code mist list}. */
    String description();

    /** The family, e.g. {@code "nonparametric"}, {@code "discriminative"}. */
    String family();

    /** Options with their types and defaults. */
    List<OptionSpec> options();

    /** Builds the estimator from parsed options (range checks happen in the estimator's config). */
    MutualInformationEstimator create(EstimatorOptions options);

    /** Whether the built estimator implements {@link io.mist.core.ConditionalMutualInformationEstimator}. */
    default boolean supportsConditional() {
        return false;
    }

    /** Whether the estimator fits data of this kind and dimension (used by {@code mist demo}). */
    default boolean supports(DataKind kind, int dx, int dy) {
        return kind == DataKind.CONTINUOUS;
    }

    /** Option overrides that keep {@code mist demo} quick (e.g. fewer iterations); none by default. */
    default Map<String, String> demoOptions() {
        return Map.of();
    }
}
