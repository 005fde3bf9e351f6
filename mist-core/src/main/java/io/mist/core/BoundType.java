package io.mist.core;

/** Whether an estimator's value is a lower bound, an upper bound or neither of the true MI. */
public enum BoundType {
    /** A variational lower bound, maximised in training. */
    LOWER,
    /** A variational upper bound, minimised in training. */
    UPPER,
    /** Neither: a consistent or biased estimate. */
    NEITHER
}
