/**
 * Generative estimators ({@link io.mist.estimators.generative.Generative}: ba, doe, gm, club, l1out): densities
 * fitted by maximum likelihood with the library's trainer, the mutual information read off their log-densities.
 * The densities ({@link io.mist.estimators.generative.Densities}) implement the core
 * {@link io.mist.core.Distribution} and {@link io.mist.core.ConditionalDistribution}: normalizing flows on a
 * standard normal base (elementwise affine, conditional affine, masked autoregressive with reversals) and
 * diagonal Gaussian mixtures, on NDArrays (CPU or GPU), with exact log-densities and seeded sampling.
 */
package io.mist.estimators.generative;
