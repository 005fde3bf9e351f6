package io.mist.tasks;

import io.mist.core.internal.Checks;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A symmetric noisy channel over {@code k} symbols: X uniform on {@code 0..k-1}; Y = X with probability
 * {@code p}, otherwise one of the other {@code k - 1} symbols uniformly. Y is uniform, so
 * {@code I = log k + p log p + (1 - p) log((1 - p) / (k - 1))} (Cover and Thomas, ch. 7). Samples are
 * integer-coded ({@link Samples#isDiscrete()}).
 */
public final class DiscreteChannelTask implements GroundTruthTask {
    private final int k;
    private final double p;

    private DiscreteChannelTask(int k, double p) {
        this.k = k;
        this.p = p;
    }

    /** A channel over {@code k >= 2} symbols that keeps the symbol with probability {@code p}. */
    public static DiscreteChannelTask of(int k, double p) {
        Checks.atLeast("k", k, 2);
        Checks.inRange("p", p, 0, 1);
        return new DiscreteChannelTask(k, p);
    }

    @Override
    public String name() {
        return Checks.format("channel-k%d-p%s", k, p);
    }

    @Override
    public boolean discrete() {
        return true;
    }

    @Override
    public int dimX() {
        return 1;
    }

    @Override
    public int dimY() {
        return 1;
    }

    @Override
    public double trueMutualInformation() {
        double keep = p > 0 ? p * Math.log(p) : 0;
        double flip = p < 1 ? (1 - p) * Math.log((1 - p) / (k - 1)) : 0;
        return Math.log(k) + keep + flip;
    }

    @Override
    public TaskSample sample(int n, long seed) {
        Checks.atLeast("n", n, 1);
        UniformRandomProvider rng = Seeds.rng(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(k);
            y[i] = rng.nextDouble() < p ? x[i] : (x[i] + 1 + rng.nextInt(k - 1)) % k;
        }
        return new TaskSample(Samples.ofDiscrete("x", x), Samples.ofDiscrete("y", y));
    }
}
