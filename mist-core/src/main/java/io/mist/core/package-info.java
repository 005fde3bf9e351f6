/**
 * The vocabulary of mist-jvm: validated {@link io.mist.core.Samples}, the {@link io.mist.core.MIEstimate}
 * result, the estimator interfaces ({@link io.mist.core.MutualInformationEstimator},
 * {@link io.mist.core.ConditionalMutualInformationEstimator}, {@link io.mist.core.NeuralEstimator}) and
 * the building blocks neural estimators are made of ({@link io.mist.core.Critic},
 * {@link io.mist.core.Baseline}, {@link io.mist.core.Distribution},
 * {@link io.mist.core.ConditionalDistribution}, {@link io.mist.core.Quantizer}).
 *
 * <p>All values are in nats; {@link io.mist.core.Units} converts explicitly.
 */
package io.mist.core;
