package io.mist.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import io.mist.core.BoundType;
import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test estimator with one parameter {@code theta} (starting at 0) whose values are known in closed form:
 * the pointwise value of row {@code i} is {@code sign * -(theta - x_i0)^2}, so on data whose first x column
 * is constant {@code c} the validation value is {@code -sign (theta - c)^2}.
 *
 * <p>{@link Loss#CONSTANT_GRADIENT}: the loss is {@code -theta}, gradient -1 on every batch, so Adam moves
 * theta up by {@code lr} per step (to float rounding) and the validation value peaks at iteration
 * {@code c / lr}. {@link Loss#REGRESSION}: the loss is {@code mean_i (theta - x_i0)^2}, which depends on the
 * batch. Steps use the explicit path when {@code explicit}, else autograd. The step with number
 * {@code nanAtStep} (from 1) gives a NaN loss; the pointwise values of evaluations are NaN once theta
 * exceeds {@code nanAbove}. Records theta at each {@link #beginEvaluation()}.
 */
final class OneParameterEstimator implements NeuralEstimator {
    enum Loss { CONSTANT_GRADIENT, REGRESSION }

    private final NDArray theta;
    private final float sign;
    private final BoundType type;
    private final Loss lossType;
    private final boolean explicit;
    private int nanAtStep = -1;
    private float nanAbove = Float.POSITIVE_INFINITY;
    private int steps;
    private boolean evaluating;
    private final List<Float> thetaAtEvaluations = new ArrayList<>();

    OneParameterEstimator(NDManager manager, float sign, BoundType type, Loss loss, boolean explicit) {
        this.theta = manager.create(new float[] {0f});
        this.theta.setRequiresGradient(true);
        this.sign = sign;
        this.type = type;
        this.lossType = loss;
        this.explicit = explicit;
    }

    /** A lower bound with the constant gradient on the explicit path. */
    static OneParameterEstimator lower(NDManager manager) {
        return new OneParameterEstimator(manager, 1f, BoundType.LOWER, Loss.CONSTANT_GRADIENT, true);
    }

    OneParameterEstimator nanAtStep(int step) {
        this.nanAtStep = step;
        return this;
    }

    OneParameterEstimator nanAbove(float value) {
        this.nanAbove = value;
        return this;
    }

    float theta() {
        return theta.toFloatArray()[0];
    }

    List<Float> thetaAtEvaluations() {
        return thetaAtEvaluations;
    }

    @Override
    public String name() {
        return "one-parameter";
    }

    @Override
    public NDArray loss(NDArray x, NDArray y) {
        evaluating = false;
        steps++;
        // built from x so that every array belongs to the caller's manager; -theta as a sum of one term keeps
        // its gradient exactly -1
        NDArray l = lossType == Loss.CONSTANT_GRADIENT
                ? x.get(new NDIndex(":1, 0")).mul(0f).sub(1f).mul(theta).sum()
                : column(x).sub(theta).square().mean();
        return steps == nanAtStep ? l.mul(Float.NaN) : l;
    }

    @Override
    public NDArray pointwise(NDArray x, NDArray y) {
        NDArray v = column(x).sub(theta).square().mul(-sign);
        return evaluating && theta() > nanAbove ? v.mul(Float.NaN) : v;
    }

    @Override
    public Optional<ExplicitStep> explicitStep(NDArray x, NDArray y) {
        if (!explicit) {
            return Optional.empty();
        }
        evaluating = false;
        steps++;
        NDManager m = x.getManager();
        float t = theta();
        float[] col = column(x).toFloatArray();
        double loss;
        float grad;
        if (lossType == Loss.CONSTANT_GRADIENT) {
            loss = 0.0 - t; // +0 at theta = 0, as the autograd path
            grad = -1f;
        } else {
            double sum = 0;
            double sq = 0;
            for (float c : col) {
                sum += t - c;
                sq += (double) (t - c) * (t - c);
            }
            loss = sq / col.length;
            grad = (float) (2 * sum / col.length);
        }
        double est = estimate(x, y).toFloatArray()[0];
        return Optional.of(new ExplicitStep(steps == nanAtStep ? Double.NaN : loss, est,
                new NDList(m.create(new float[] {grad}))));
    }

    @Override
    public void beginEvaluation() {
        evaluating = true;
        thetaAtEvaluations.add(theta());
    }

    @Override
    public BoundType boundType() {
        return type;
    }

    @Override
    public NDList parameters() {
        return new NDList(theta);
    }

    @Override
    public void close() {
        theta.close();
    }

    private static NDArray column(NDArray x) {
        return x.get(new NDIndex(":, 0"));
    }
}
