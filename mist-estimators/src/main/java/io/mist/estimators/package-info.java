/**
 * Every mist-jvm estimator, one package per family: {@code nonparametric} (Gaussian, discrete, KSG,
 * histogram), {@code discriminative} (neural bounds), {@code generative}, {@code quantized}, {@code gmm},
 * {@code rmi}, {@code latent}. Each is registered as an {@link io.mist.registry.EstimatorProvider}.
 */
package io.mist.estimators;
