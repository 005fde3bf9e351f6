/**
 * Hybrid estimators (Federici, Ruhe and Forré 2023): a generative estimate plus a discriminative bound on the
 * generative proposal's remaining error; {@code hybrid-resampled} ({@link io.mist.estimators.hybrid.HybridEstimator})
 * draws the critic's negatives from the proposal {@code q(y|x)}.
 */
package io.mist.estimators.hybrid;
