/**
 * The network options of the neural estimators' configs: activations
 * ({@link io.mist.estimators.nn.Nonlinearity}) and weight initialisations ({@link io.mist.estimators.nn.Init}).
 * The networks themselves are internal.
 */
package io.mist.estimators.nn;
