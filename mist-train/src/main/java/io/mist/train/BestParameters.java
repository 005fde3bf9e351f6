package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * The best validation value of a fit so far, where it was reached, how many evaluations have passed
 * without improvement, and a copy of the parameter values at the best. Copies live in the fit's manager.
 * Not thread-safe.
 */
final class BestParameters {
    private final Improvement rule;
    private final NDList params;
    private final NDManager manager;
    private final boolean direct;
    private NDArray[] snapshot;
    private double value;
    private int iteration = -1;
    private int sinceBest;

    /** Nothing seen yet; copies of {@code params} will live in {@code manager}. */
    BestParameters(Improvement rule, NDList params, NDManager manager, boolean direct) {
        this.rule = rule;
        this.params = params;
        this.manager = manager;
        this.direct = direct;
        this.value = rule.initial();
    }

    /**
     * Records the validation value {@code v} of iteration {@code it}: on improvement the parameter values
     * are copied and the count of evaluations without improvement restarts, else it grows.
     *
     * @return whether {@code v} improved on the best
     */
    boolean offer(int it, double v) {
        if (!rule.improves(v, value)) {
            sinceBest++;
            return false;
        }
        value = v;
        iteration = it;
        sinceBest = 0;
        snapshot = Autograd.withGradMode(direct, false, () -> {
            NDArray[] s = new NDArray[params.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = params.get(i).duplicate();
                s[i].attach(manager);
                if (snapshot != null) {
                    snapshot[i].close();
                }
            }
            return s;
        });
        return true;
    }

    /** The best value, the rule's initial value before any. */
    double value() {
        return value;
    }

    /** Iteration of the best value, -1 before any. */
    int iteration() {
        return iteration;
    }

    /** Evaluations since the best. */
    int sinceBest() {
        return sinceBest;
    }

    /**
     * Writes the best values back into the parameters, in place (views of the parameters stay valid), when
     * there is a best and it is not from iteration {@code current}.
     *
     * @return whether the parameters were changed
     */
    boolean restoreUnlessAt(int current) {
        if (snapshot == null || iteration == current) {
            return false;
        }
        return Autograd.withGradMode(direct, false, () -> {
            for (int i = 0; i < snapshot.length; i++) {
                // copyTo would replace the storage
                params.get(i).set(new NDIndex("..."), snapshot[i]);
            }
            return true;
        });
    }
}
