package io.mist.estimators.rmi;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;

import java.util.function.UnaryOperator;

/**
 * A feature given as a plain Java function {@code double[dx] -> double[dy]}, its Jacobian by central finite
 * differences: {@code J_ab = (f_a(x + h_b e_b) - f_a(x - h_b e_b)) / (2 h_b)} with the step rule
 * {@code h_b = eps^(1/3) max(1, |x_b|)} ({@code eps} the double-precision unit roundoff, so
 * {@code h_b ~ 6e-6 max(1, |x_b|)}), rounded so that {@code x_b +- h_b} is exact. The truncation error is
 * {@code h^2 |f'''| / 6} and the rounding error about {@code eps |f| / h}; the rule balances them, so each entry
 * is accurate to about {@code eps^(2/3) ~ 4e-11} times the scale of f and its third derivative (about 8
 * significant digits for well-scaled smooth functions; fewer where f is not smooth at the scale of
 * {@code h}). The function must be deterministic and pure; it is called {@code 2 dx + 1} times per sample.
 */
public final class FunctionFeature implements Feature {
    /** {@code eps^(1/3)}: the relative step of the central difference. */
    public static final double RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

    private final UnaryOperator<double[]> function;
    private final int dx;
    private final int dy;

    private FunctionFeature(UnaryOperator<double[]> function, int dx, int dy) {
        this.function = function;
        this.dx = dx;
        this.dy = dy;
    }

    /**
     * A feature {@code R^dx -> R^dy} computed by {@code function} (which must not modify its argument and must
     * return {@code dy} finite values).
     */
    public static FunctionFeature of(int dx, int dy, UnaryOperator<double[]> function) {
        Checks.atLeast("dx", dx, 1);
        Checks.atLeast("dy", dy, 1);
        return new FunctionFeature(Checks.notNull("function", function), dx, dy);
    }

    @Override
    public int inputDim() {
        return dx;
    }

    @Override
    public int outputDim() {
        return dy;
    }

    @Override
    public FeatureJacobian featureAndJacobian(Samples x) {
        Jacobians.requireInputs(x, dx);
        int n = x.n();
        double[] values = new double[n * dy];
        double[] jac = new double[Math.multiplyExact(n, dy * dx)];
        for (int i = 0; i < n; i++) {
            double[] row = x.row(i);
            System.arraycopy(call(row, i), 0, values, i * dy, dy);
            for (int b = 0; b < dx; b++) {
                double x0 = row[b];
                double h = RELATIVE_STEP * Math.max(1, Math.abs(x0));
                double up = x0 + h;
                double down = x0 - h;
                row[b] = up;
                double[] fu = call(row, i);
                row[b] = down;
                double[] fd = call(row, i);
                row[b] = x0;
                double width = up - down;
                for (int a = 0; a < dy; a++) {
                    jac[(i * dy + a) * dx + b] = (fu[a] - fd[a]) / width;
                }
            }
        }
        return new FeatureJacobian(Samples.ofRowMajor("feature values", values, n, dy),
                Jacobians.ofRowMajor("finite-difference Jacobian", jac, n, dy, dx));
    }

    private double[] call(double[] row, int i) {
        double[] out = function.apply(row.clone());
        if (out == null || out.length != dy) {
            throw Checks.fail("feature function returned %d values at row %d, expected dy = %d",
                    out == null ? 0 : out.length, i, dy);
        }
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw Checks.fail("feature function returned %s at row %d; the feature must be finite", v, i);
            }
        }
        return out;
    }
}
