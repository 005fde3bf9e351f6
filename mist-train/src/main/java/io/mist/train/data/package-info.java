/**
 * Paired training data for neural estimators: in memory ({@link io.mist.train.data.PairedData#of}) or
 * streamed from NPY/CSV files ({@link io.mist.train.data.NpyData}, {@link io.mist.train.data.CsvData}),
 * read by row index so that shuffled batches are identical either way.
 */
package io.mist.train.data;
