/**
 * Small dense linear algebra (Cholesky, log-determinants, covariance) and special functions used by the
 * estimators and ground-truth tasks. Plain Java arrays; sizes here are the data dimension, not n.
 */
package io.mist.math;
