package io.mist.tasks;

import io.mist.core.internal.Checks;

/** Independent standard Gaussian X and Y of the given dimensions: {@code I = 0}. */
public final class IndependentTask implements GroundTruthTask {
    private final GaussianTask gaussian;
    private final int dx;
    private final int dy;

    private IndependentTask(int dx, int dy) {
        double[][] c = new double[dx + dy][dx + dy];
        for (int i = 0; i < c.length; i++) {
            c[i][i] = 1;
        }
        this.gaussian = GaussianTask.of(c, dx);
        this.dx = dx;
        this.dy = dy;
    }

    /** Independent X ({@code dx} dims) and Y ({@code dy} dims). */
    public static IndependentTask of(int dx, int dy) {
        Checks.atLeast("dx", dx, 1);
        Checks.atLeast("dy", dy, 1);
        return new IndependentTask(dx, dy);
    }

    @Override
    public String name() {
        return Checks.format("independent-%dx%d", dx, dy);
    }

    @Override
    public int dimX() {
        return dx;
    }

    @Override
    public int dimY() {
        return dy;
    }

    @Override
    public double trueMutualInformation() {
        return 0.0;
    }

    @Override
    public TaskSample sample(int n, long seed) {
        return gaussian.sample(n, seed);
    }
}
