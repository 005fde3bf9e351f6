/**
 * Files as data: streaming {@link io.mist.data.PairedData} from NPY ({@link io.mist.train.data.NpyData}) and
 * CSV ({@link io.mist.train.data.CsvData}) files, read by row index so that shuffled batches equal those of
 * in-memory data, and the CSV cell rules ({@link io.mist.train.data.CsvFormat}) that the CLI's in-memory
 * readers share with them (as they share the internal NPY header parser).
 */
package io.mist.train.data;

import io.mist.train.internal.NpyHeader;
