/**
 * Every mist-jvm estimator, one package per family: {@code auto} (the default, which picks one of the
 * others from the data), {@code nonparametric} (Gaussian, discrete, KSG, mixed KSG, histogram,
 * Kozachenko-Leonenko entropy; exact neighbour search in the internal {@code nonparametric.internal}),
 * {@code gmm} (GMM-MI) and {@code discriminative} (the neural bounds, on the internal networks of
 * {@code nn.internal}; the network options in {@code nn}). Each estimator is registered as an
 * {@link io.mist.registry.EstimatorProvider}, in the module descriptor and in {@code META-INF/services}. The generative, quantized, hybrid, RMI and
 * latent families are planned and will each add a package here.
 */
package io.mist.estimators;
