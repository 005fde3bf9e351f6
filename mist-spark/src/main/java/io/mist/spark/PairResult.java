package io.mist.spark;

import java.io.Serializable;

/**
 * The estimate of one pair as a task returns it to the driver; {@code error} is the estimator's message when
 * it refused the pair (the driver then fails the call naming the pair), else null.
 *
 * @param index the pair's position in the requested order
 * @param x the x column
 * @param y the y column
 * @param mi the estimate, nats
 * @param stdError its standard error (NaN when not estimated)
 * @param pValue the permutation p-value (NaN when not asked for)
 * @param n rows used
 * @param dropped rows dropped for a missing value in either column
 * @param error the refusal message, or null
 */
record PairResult(int index, String x, String y, double mi, double stdError, double pValue, long n, long dropped,
        String error) implements Serializable {
}
