/**
 * Renormalized mutual information (Sarra, Aiello and Marquardt 2021, Phys. Rev. Lett. 126, 200601;
 * arXiv:2005.01912) of a deterministic feature {@code y = f(x)}:
 * {@code RMI = H(y) - 1/2 E[log det(J J^T)]}. {@link io.mist.estimators.rmi.RmiEstimator} estimates it from
 * feature values and Jacobians ({@link io.mist.estimators.rmi.FeatureJacobian}), or from a
 * {@link io.mist.estimators.rmi.Feature} such as a Java function with finite differences
 * ({@link io.mist.estimators.rmi.FunctionFeature}) or a DJL block with autograd
 * ({@link io.mist.estimators.rmi.BlockFeature}), or a network trained to maximise RMI
 * ({@link io.mist.estimators.rmi.FeatureExtraction}, giving an {@link io.mist.estimators.rmi.ExtractedFeature}).
 */
package io.mist.estimators.rmi;
