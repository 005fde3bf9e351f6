/**
 * Paired observations read by row index ({@link io.mist.data.PairedData}): in memory
 * ({@link io.mist.data.PairedData#of}) or streamed from files (the NPY and CSV readers of {@code mist-train}),
 * so that an estimator that trains on batches ({@link io.mist.core.PairedDataEstimator}) never needs all rows
 * in memory; and the one JSON writer ({@link io.mist.core.internal.JsonWriter}) of the CLI's output and file formats.
 */
package io.mist.data;
