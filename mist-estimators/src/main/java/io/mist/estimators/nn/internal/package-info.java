/**
 * Neural building blocks with all parameters in one flat array, not API:
 * {@link io.mist.estimators.nn.internal.FlatParameters} (and the
 * {@link io.mist.estimators.nn.internal.FlatModule}s registered in it), the
 * {@link io.mist.estimators.nn.internal.Mlp} and the ids of the activation and initialisation options
 * ({@link io.mist.estimators.nn.internal.OptionIds}: enum constants by option value), and the fit-and-evaluate flow
 * every trained estimator shares ({@link io.mist.estimators.nn.internal.TrainedFit}: standardisation by
 * {@link io.mist.estimators.nn.internal.ColumnScaling}, {@link io.mist.estimators.nn.internal.CrossFitting}, the
 * {@link io.mist.estimators.nn.internal.TrainingRows} in memory or streamed). Not exported by the module.
 */
package io.mist.estimators.nn.internal;
