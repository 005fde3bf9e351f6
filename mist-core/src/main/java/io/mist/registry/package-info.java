/**
 * The estimator name registry. Estimators plug in through {@link java.util.ServiceLoader} as
 * {@link io.mist.registry.EstimatorProvider}s that declare a name, a description, typed
 * {@link io.mist.registry.Capabilities} and their options. Each config describes its options once in an
 * {@link io.mist.registry.OptionSchema} (name as typed, type, default, doc, and the builder setter);
 * {@link io.mist.registry.ConfigProvider} generates a provider from it, and {@code mist list}, the CLI and
 * {@code docs/options.md} read the same description. String {@code key=value} options exist only at this
 * edge and are parsed and checked into {@link io.mist.registry.EstimatorOptions} before a provider builds its
 * typed config; a rejected value is an {@link io.mist.core.InvalidOptionException} naming the option.
 */
package io.mist.registry;
