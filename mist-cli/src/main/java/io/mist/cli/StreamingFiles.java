package io.mist.cli;

import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.train.data.CsvData;
import io.mist.train.data.NpyData;

/**
 * Opens {@code --x} and {@code --y} as streamed {@link PairedData} for {@code mist estimate --stream}: two
 * {@code .npy} files (or one, with column lists), or columns of one CSV file. Only headers (NPY) or line
 * offsets (CSV) are read here; rows are read batch by batch during training.
 */
final class StreamingFiles {
    private StreamingFiles() {
    }

    /**
     * The pairs named by {@code x} and {@code y}.
     *
     * @throws IllegalArgumentException for a missing file, mixed formats, two CSV files or bad columns
     */
    static PairedData open(DataSpec x, DataSpec y) {
        DataFiles.requireFile("--x", x.file());
        DataFiles.requireFile("--y", y.file());
        boolean npyX = DataFiles.isNpy(x.file());
        boolean npyY = DataFiles.isNpy(y.file());
        if (npyX && npyY) {
            return NpyData.open("--x", x.file(), x.columns(), "--y", y.file(), y.columns());
        }
        if (npyX || npyY) {
            throw Checks.fail("--stream reads --x and --y in one format: got %s and %s; convert both to .npy",
                    x.file(), y.file());
        }
        if (!x.file().toAbsolutePath().normalize().equals(y.file().toAbsolutePath().normalize())) {
            throw Checks.fail("--stream reads CSV rows by line, so --x and --y must be columns of one CSV file "
                    + "(e.g. --x data.csv:0-4 --y data.csv:5-9); got %s and %s", x.file(), y.file());
        }
        if (x.columns() == null || y.columns() == null) {
            throw Checks.fail("--stream with a CSV file needs the columns of --x and --y, e.g. --x %s:0 --y %s:1",
                    x.file(), y.file());
        }
        return CsvData.open("--x/--y", x.file(), x.columns(), y.columns());
    }
}
