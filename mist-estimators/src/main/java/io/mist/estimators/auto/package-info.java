/**
 * {@code auto}, the default estimator: picks a registered estimator from the shape and kind of the data and
 * always reports a standard error.
 */
package io.mist.estimators.auto;
