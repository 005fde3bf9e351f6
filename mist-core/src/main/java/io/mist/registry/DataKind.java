package io.mist.registry;

/** The kind of data an estimator can take, used to match estimators to tasks (e.g. in {@code mist demo}). */
public enum DataKind {
    /** Real-valued variables. */
    CONTINUOUS,
    /** Integer-coded categories. */
    DISCRETE,
    /** One variable integer-coded categories, the other real-valued (X discrete, Y continuous in the tasks). */
    MIXED
}
