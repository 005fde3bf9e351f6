/**
 * The estimator name registry. Estimators plug in through {@link java.util.ServiceLoader} as
 * {@link io.mist.registry.EstimatorProvider}s that declare a name, a description and a typed option schema
 * ({@link io.mist.registry.OptionSpec}); string {@code key=value} options exist only at this edge and are
 * parsed and checked into {@link io.mist.registry.EstimatorOptions} before a provider builds its typed
 * config.
 */
package io.mist.registry;
