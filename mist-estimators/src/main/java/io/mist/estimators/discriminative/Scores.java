package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The critic's output on one batch: positives {@code f_i} ({@code [B]}), negatives {@code f'_{m,i}}
 * ({@code [M', B]}, where a {@code mask} of 0 / -1e9 entries removes some so that every column keeps
 * exactly {@code m} of them), an optional baseline {@code b(x_i)} and FLO's {@code u_i}. Package-private
 * helpers compute log-mean-exps in a stable way.
 *
 * @param pos positive scores {@code [B]}
 * @param neg negative scores {@code [M', B]}
 * @param mask additive mask like {@code neg}, or null when every entry counts
 * @param m negatives per column
 * @param baseline {@code b(x_i)} or null
 * @param u FLO's normalised critic {@code u(x_i, y_i)} or null
 */
record Scores(NDArray pos, NDArray neg, NDArray mask, int m, NDArray baseline, NDArray u) {
    /** Entries below this are treated as masked. */
    static final float MASKED = -1e9f;

    /** Batch size. */
    public int batch() {
        return (int) pos.getShape().get(0);
    }

    /** {@code a} with the mask applied. */
    NDArray masked(NDArray a) {
        return mask == null ? a : a.add(mask);
    }

    /** {@code log mean_m exp(a_{m,i})} per column, {@code [B]}. */
    NDArray logMeanExpPerColumn(NDArray a) {
        NDArray lse = logSumExp0(masked(a), mask != null);
        return m == 1 ? lse : lse.sub((float) Math.log(m));
    }

    /** {@code log mean_{m,i} exp(a_{m,i})} over the unmasked entries, a scalar. */
    NDArray logMeanExpAll(NDArray a) {
        NDArray flat = masked(a).reshape(-1);
        return logSumExp0(flat, mask != null).sub((float) Math.log((double) m * batch()));
    }

    /** Mean of {@code softplus(a)} over the unmasked entries (masked ones contribute exactly 0). */
    NDArray meanSoftplus(NDArray a) {
        if (mask == null) {
            return Activation.softPlus(a).mean();
        }
        return Activation.softPlus(masked(a)).sum().div((float) ((double) m * batch()));
    }

    /**
     * Log-sum-exp along axis 0. Without masked entries: {@code a_0 - logSoftmax(a)_0}, two native ops and
     * stable; with masked entries (-1e9, which would cancel badly in float32) the max-shifted form.
     */
    static NDArray logSumExp0(NDArray a, boolean hasMasked) {
        if (a.getShape().get(0) == 1) {
            return a.get(0);
        }
        if (!hasMasked) {
            return a.get(0).sub(a.logSoftmax(0).get(0));
        }
        NDArray mx = a.max(new int[] {0}, true).stopGradient();
        return a.sub(mx).exp().sum(new int[] {0}).log().add(mx.squeeze(0));
    }
}
