/**
 * Neural building blocks with all parameters in one flat array: {@link io.mist.estimators.nn.FlatParameters}
 * and the {@link io.mist.estimators.nn.Mlp}.
 */
package io.mist.estimators.nn;
