package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import io.mist.core.Baseline;

/**
 * The log-mean-exp of the critic's negative scores as a baseline (torch_mist's batch log-mean-exp baseline),
 * in one of two scopes:
 * <ul>
 * <li>{@link #overBatch()} (option {@code baseline=lme}): {@code b = log mean_{m,i} exp f(x_i, y'_m)} over all
 * negatives of the batch, the same for every x. In TUBA's baseline form this gives the Donsker-Varadhan value
 * {@code f_i - b} (MINE's estimate, trained with the plain, biased DV gradient).</li>
 * <li>{@link #perSample()}: {@code b_i = log mean_m exp f(x_i, y'_m)}, giving the contrastive value
 * {@code f_i - b_i}; a bound only with many negatives per x (with one negative it is {@code f_i - f'_i},
 * unbounded).</li>
 * </ul>
 * It is a function of the negatives' scores (not an {@link io.mist.core.InputBaseline}); gradients flow
 * through it. Immutable.
 */
final class LogMeanExpBaseline implements Baseline {
    private final boolean perSample;

    private LogMeanExpBaseline(boolean perSample) {
        this.perSample = perSample;
    }

    /** Over all negatives of the batch (one value per batch). */
    public static LogMeanExpBaseline overBatch() {
        return new LogMeanExpBaseline(false);
    }

    /** Over the negatives of each x. */
    public static LogMeanExpBaseline perSample() {
        return new LogMeanExpBaseline(true);
    }

    @Override
    public NDArray value(NDArray x, NDArray negatives) {
        long m = negatives.getShape().get(0);
        long b = negatives.getShape().get(1);
        if (perSample) {
            NDArray lse = Scores.logSumExp0(negatives, false);
            return m == 1 ? lse : lse.sub((float) Math.log(m));
        }
        NDArray all = Scores.logSumExp0(negatives.reshape(-1), false).sub((float) Math.log((double) m * b));
        return all.broadcast(new Shape(b));
    }
}
