package io.mist.spark;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task needs to estimate one pair: the estimator's name, its string options and the number of
 * permutations. The estimate is exactly {@code EstimateMI.with(estimator).options(options).seed(seed)
 * .permutations(permutations).threads(1).estimate(x, y)} on the pair's gathered rows.
 *
 * @param estimator the registered name
 * @param options the options as {@code mist list} names them
 * @param permutations permutations for a p-value (0 = none)
 */
record PairEstimator(String estimator, Map<String, String> options, int permutations) implements Serializable {

    PairEstimator {
        options = new LinkedHashMap<>(options); // LinkedHashMap: serializable, keeps the given order
    }

    /** The configured request for {@code seed} (checks every option when built). */
    EstimateMI.Request request(long seed) {
        return EstimateMI.with(estimator).options(options).seed(seed).permutations(permutations).threads(1);
    }

    /** Estimates the pair {@code (x, y)} (rows already gathered, cleaned and in canonical order). */
    PairResult estimate(int index, String xName, String yName, PairData data, long seed) {
        if (data.x().length == 0) {
            return failed(index, xName, yName, data, "no row where both are present");
        }
        try {
            MIEstimate r = request(seed).estimate(data.x(), data.y());
            return new PairResult(index, xName, yName, r.value(), r.standardError(), r.pValue(), r.n(),
                    data.dropped(), null);
        } catch (IllegalArgumentException e) {
            return failed(index, xName, yName, data, e.getMessage());
        }
    }

    private static PairResult failed(int index, String x, String y, PairData data, String message) {
        return new PairResult(index, x, y, Double.NaN, Double.NaN, Double.NaN, data.x().length, data.dropped(),
                message);
    }
}
