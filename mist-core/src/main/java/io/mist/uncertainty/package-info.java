/**
 * Generic uncertainty for any estimator: a resampling standard error that follows the estimator's declared
 * {@link io.mist.core.ResamplingScheme} (bootstrap or subsampling), and a permutation test of independence.
 * Both are seeded and run their replicates on a thread pool local to the call. {@link
 * io.mist.uncertainty.Significance} holds the permutation p-value and the Benjamini-Hochberg false-discovery-rate
 * adjustment that MI matrices and feature rankings apply to many p-values at once.
 */
package io.mist.uncertainty;
