/**
 * mist-train: training of neural estimators ({@code io.mist.train}) and their data from NPY and CSV files
 * ({@code io.mist.train.data}). {@code io.mist.train.internal} is exported only to {@code io.mist.estimators}.
 */
// the qualified export names a module that is compiled after this one
@SuppressWarnings("module")
module io.mist.train {
    requires transitive io.mist.core;
    requires org.slf4j;

    exports io.mist.train;
    exports io.mist.train.data;

    exports io.mist.train.internal to io.mist.estimators;
}
