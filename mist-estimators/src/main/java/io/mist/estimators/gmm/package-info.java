/**
 * GMM-MI (Piras et al. 2023): mutual information of Gaussian mixtures fitted by EM, the number of components
 * chosen by cross-validation, the uncertainty from bootstrap refits; conditional, categorical and KL
 * variants; JSON persistence ({@link io.mist.estimators.gmm.FittedGmm}) and XChart plots
 * ({@link io.mist.estimators.gmm.GmmPlots}). EM runs on primitive arrays with Cholesky log-densities.
 */
package io.mist.estimators.gmm;
