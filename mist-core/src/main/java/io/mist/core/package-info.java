/**
 * The vocabulary of mist-jvm: validated {@link io.mist.core.Samples}, the {@link io.mist.core.MIEstimate}
 * result, the estimator interfaces ({@link io.mist.core.MutualInformationEstimator},
 * {@link io.mist.core.ConditionalMutualInformationEstimator}, {@link io.mist.core.NeuralEstimator}) and
 * the building blocks discriminative estimators are made of ({@link io.mist.core.Critic},
 * {@link io.mist.core.Baseline}), the densities generative estimators fit ({@link io.mist.core.Distribution}
 * {@code q(y)}, {@link io.mist.core.ConditionalDistribution} {@code q(y|x)}), the quantizers quantized ones
 * apply ({@link io.mist.core.Quantizer} {@code Q(x)}), the typed {@link io.mist.core.InvalidOptionException} of
 * rejected settings and the {@link io.mist.core.TrainingListener} of training progress.
 *
 * <p>All values are in nats; {@link io.mist.core.Units} converts explicitly.
 */
package io.mist.core;
