/**
 * GMM-MI (Piras et al. 2023): mutual information of Gaussian mixtures fitted by EM, the number of components
 * chosen by cross-validation, the uncertainty from bootstrap refits; conditional, categorical and KL
 * variants; persistence in a small documented JSON format ({@link io.mist.estimators.gmm.FittedGmm}).
 * EM runs on primitive arrays with Cholesky log-densities. Plots of a fitted model are in {@code mist-plot}.
 */
package io.mist.estimators.gmm;
