/**
 * Classical estimators that need no training: the Gaussian (log-determinant) estimator, the plug-in
 * estimator for discrete data, and the k-nearest-neighbour and histogram estimators.
 */
package io.mist.estimators.nonparametric;
