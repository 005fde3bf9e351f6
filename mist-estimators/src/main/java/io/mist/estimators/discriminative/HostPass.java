package io.mist.estimators.discriminative;

/**
 * One evaluation of an {@link Objective} on the JVM: the batch's {@link HostScores} and, per term, what its
 * forward value keeps for its backward step (e.g. the exponentials of {@link Term#meanExpShifted}). Not
 * thread-safe; one per training step.
 */
final class HostPass {
    private final HostScores scores;
    private final Object[] kept;
    private int at;

    HostPass(HostScores scores, int terms) {
        this.scores = scores;
        this.kept = new Object[terms];
    }

    HostScores scores() {
        return scores;
    }

    /** Makes term {@code index} the current one. */
    void at(int index) {
        this.at = index;
    }

    /** Keeps {@code o} for the current term's backward step. */
    void keep(Object o) {
        kept[at] = o;
    }

    /** What the current term kept. */
    Object kept() {
        return kept[at];
    }
}
