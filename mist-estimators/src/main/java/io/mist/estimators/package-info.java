/**
 * Every mist-jvm estimator, one package per family: {@code auto} (the default, which picks one of the
 * others from the data), {@code nonparametric} (Gaussian, discrete, KSG, mixed KSG, histogram,
 * Kozachenko-Leonenko entropy; exact neighbour search in {@code nonparametric.neighbors}), {@code gmm}
 * (GMM-MI) and {@code discriminative} (the neural bounds, on the networks of {@code nn}). Each estimator is
 * registered as an {@link io.mist.registry.EstimatorProvider}. The generative, quantized, hybrid, RMI and
 * latent families are planned and will each add a package here.
 */
package io.mist.estimators;
