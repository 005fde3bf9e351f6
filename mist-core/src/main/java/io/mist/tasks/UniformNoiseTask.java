package io.mist.tasks;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Additive uniform noise: {@code X ~ U(0, 1)}, {@code Y = X + N} with {@code N ~ U(0, w)} independent of X (the
 * additive-noise task of Czyz et al. 2023, "Beyond Normal"). {@code h(Y | X) = log w}, and Y has a trapezoidal
 * density (a ramp of width {@code min(w, 1)} at each end), so
 * <pre>
 *   I = w / 2 - log w      for w &lt;= 1,
 *   I = 1 / (2 w)          for w &gt;= 1.
 * </pre>
 * Neither variable has a density that is smooth at its support's edges, which k-NN and kernel estimators feel.
 */
public final class UniformNoiseTask implements GroundTruthTask {
    private final double width;

    private UniformNoiseTask(double width) {
        this.width = width;
    }

    /**
     * Noise of width {@code width}.
     *
     * @throws IllegalArgumentException unless {@code width} is positive and finite
     */
    public static UniformNoiseTask of(double width) {
        Checks.positive("width", width);
        return new UniformNoiseTask(width);
    }

    /** The width of the noise. */
    public double width() {
        return width;
    }

    @Override
    public String name() {
        return Checks.format("uniform-noise-1x1-w%s", width);
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
        return width <= 1 ? width / 2 - Math.log(width) : 1 / (2 * width);
    }

    /** The density of Y at {@code y}: the length of {@code [y - w, y] ∩ [0, 1]} over {@code w}. */
    double densityY(double y) {
        return Math.max(0, Math.min(y, 1) - Math.max(y - width, 0)) / width;
    }

    @Override
    public TaskSample sample(int n, long seed) {
        Checks.atLeast("n", n, 1);
        UniformRandomProvider rng = Seeds.rng(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
            y[i] = x[i] + width * rng.nextDouble();
        }
        return new TaskSample(Samples.of("x", x), Samples.of("y", y));
    }
}
