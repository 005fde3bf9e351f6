package io.mist.core;

/**
 * How an estimator's uncertainty may be estimated by resampling. Each estimator declares its valid scheme
 * ({@link MutualInformationEstimator#resamplingScheme()}); the generic wrappers in
 * {@code io.mist.uncertainty} follow it and record it in the result.
 */
public enum ResamplingScheme {
    /** Resampling rows with replacement (Efron's bootstrap): valid for parametric and neural estimators. */
    BOOTSTRAP("bootstrap"),
    /**
     * Disjoint subsets without replacement, the spread scaled to the full sample size (Holmes and Nemenman
     * 2019): required for k-nearest-neighbour estimators, whose zero distances between duplicated rows bias
     * a bootstrap.
     */
    SUBSAMPLING("subsampling"),
    /**
     * K-fold cross-fitting of a trained estimator: each row's value comes from a model fitted on the other
     * folds; the error is taken from the spread of the per-row and per-fold values.
     */
    CROSS_FITTING("cross-fitting"),
    /** No resampling was done. */
    NONE("none");

    private final String label;

    ResamplingScheme(String label) {
        this.label = label;
    }

    /** The name written into results and JSON output. */
    public String label() {
        return label;
    }
}
