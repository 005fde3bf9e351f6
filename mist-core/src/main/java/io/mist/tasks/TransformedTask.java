package io.mist.tasks;

import io.mist.core.internal.Checks;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A task whose X and Y are passed through an invertible {@link Transform}; the mutual information is that
 * of the base task, since {@code I(f(X); g(Y)) = I(X; Y)} for invertible {@code f}, {@code g}.
 */
public final class TransformedTask implements GroundTruthTask {
    private final GroundTruthTask base;
    private final Transform transform;
    private final double[][] rotX;
    private final double[][] rotY;

    private TransformedTask(GroundTruthTask base, Transform transform, long rotationSeed) {
        this.base = base;
        this.transform = transform;
        if (transform == Transform.ROTATION) {
            this.rotX = randomOrthogonal(base.dimX(), Seeds.rng(rotationSeed, 0));
            this.rotY = randomOrthogonal(base.dimY(), Seeds.rng(rotationSeed, 1));
        } else {
            this.rotX = null;
            this.rotY = null;
        }
    }

    /** {@code base} transformed by {@code transform}; a rotation is drawn from seed 0. */
    public static TransformedTask of(GroundTruthTask base, Transform transform) {
        return of(base, transform, 0L);
    }

    /**
     * {@code base} transformed by {@code transform}; a rotation is drawn from {@code rotationSeed}.
     *
     * @throws IllegalArgumentException when X or Y has fewer dimensions than {@link Transform#minimumDimension()}
     */
    public static TransformedTask of(GroundTruthTask base, Transform transform, long rotationSeed) {
        Checks.notNull("base", base);
        Checks.notNull("transform", transform);
        int min = transform.minimumDimension();
        if (base.dimX() < min || base.dimY() < min) {
            throw Checks.fail("the %s transform needs at least %d dimensions in X and in Y, got %dx%d",
                    transform.name().toLowerCase(java.util.Locale.ROOT), min, base.dimX(), base.dimY());
        }
        return new TransformedTask(base, transform, rotationSeed);
    }

    @Override
    public String name() {
        return base.name() + "-" + transform.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public int dimX() {
        return base.dimX();
    }

    @Override
    public int dimY() {
        return base.dimY();
    }

    @Override
    public double trueMutualInformation() {
        return base.trueMutualInformation();
    }

    @Override
    public TaskSample sample(int n, long seed) {
        TaskSample s = base.sample(n, seed);
        return new TaskSample(apply(s.x(), rotX), apply(s.y(), rotY));
    }

    private Samples apply(Samples s, double[][] rot) {
        int n = s.n();
        int d = s.dim();
        double[] v = s.toRowMajor();
        double[] out = new double[v.length];
        if (transform == Transform.SPIRAL) {
            for (int i = 0; i < n; i++) {
                spiral(v, out, i * d, d, 1);
            }
        } else if (rot != null) {
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < d; r++) {
                    double acc = 0;
                    for (int k = 0; k < d; k++) {
                        acc += rot[r][k] * v[i * d + k];
                    }
                    out[i * d + r] = acc;
                }
            }
        } else {
            for (int k = 0; k < v.length; k++) {
                out[k] = transform.apply(v[k]);
            }
        }
        return Samples.ofRowMajor("transformed", out, n, d);
    }

    /**
     * Turns {@code v[from .. from + d)} by {@code direction * SPIRAL_SPEED |v|^2} in the plane of its first two
     * coordinates into {@code out}; {@code direction = -1} is the inverse (the norm, hence the angle, is kept).
     */
    static void spiral(double[] v, double[] out, int from, int d, int direction) {
        double norm2 = 0;
        for (int k = 0; k < d; k++) {
            norm2 += v[from + k] * v[from + k];
        }
        double angle = direction * Transform.SPIRAL_SPEED * norm2;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double a = v[from];
        double b = v[from + 1];
        System.arraycopy(v, from, out, from, d);
        out[from] = c * a - s * b;
        out[from + 1] = s * a + c * b;
    }

    /** Orthogonal matrix by Gram-Schmidt on a Gaussian matrix (Haar-distributed up to signs). */
    static double[][] randomOrthogonal(int d, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (;;) {
                for (int j = 0; j < d; j++) {
                    q[i][j] = g.sample();
                }
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < d; j++) {
                        q[i][j] -= dot * q[k][j];
                    }
                }
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += q[i][j] * q[i][j];
                }
                norm = Math.sqrt(norm);
                if (norm > 1e-8) {
                    for (int j = 0; j < d; j++) {
                        q[i][j] /= norm;
                    }
                    break;
                }
            }
        }
        return q;
    }
}
