/**
 * Latent mutual information (Gowri, Lun, Klein and Yin 2024): MI of high-dimensional variables estimated by KSG
 * on low-dimensional embeddings learned by paired autoencoders ({@link io.mist.estimators.latent.LatentEstimator},
 * registered as {@code "lmi"}), with the trained model and the pointwise MI of new rows
 * ({@link io.mist.estimators.latent.LatentMiModel}).
 */
package io.mist.estimators.latent;
