/**
 * Generic uncertainty for any estimator: a resampling standard error that follows the estimator's declared
 * {@link io.mist.core.ResamplingScheme} (bootstrap or subsampling), and a permutation test of independence.
 * Both are seeded and run their replicates on a thread pool local to the call.
 */
package io.mist.uncertainty;
