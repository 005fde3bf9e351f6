package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.ExplicitStep;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

/**
 * The explicit training step of the default densities (a {@code conditional_linear} {@code q(y|x)} of one step,
 * and for DOE a {@code linear} {@code q(y)} of one step): one native forward of the MLP {@code x -> [t, s]}, the
 * Gaussian log-densities, the loss, the batch estimate and their gradients on the JVM, and the MLP's
 * hand-written backward pass. With {@code u = (y - t) exp(-s)} and
 * {@code log q(y|x) = sum_j (-u_j^2 / 2 - s_j) - d log(2 pi) / 2}, the loss {@code L = -mean_i log q(y_i|x_i)}
 * has {@code dL/dt = -u exp(-s) / B} and {@code dL/ds = -(u^2 - 1) / B}; the same with per-column
 * {@code t, s} (summed over rows) for {@code q(y)}. Gives the same loss, estimate and gradient as autograd of
 * {@link GenerativeNeuralEstimator#trainingStep} (checked by a test).
 */
final class GaussianStep {
    private final Generative kind;
    private final FlatParameters flat;
    private final Mlp mlp;
    private final ElementwiseAffine marginal;
    private final double entropyY;

    GaussianStep(Generative kind, FlatParameters flat, ConditionalAffine conditional, ElementwiseAffine marginal,
            double entropyY) {
        this.kind = kind;
        this.flat = flat;
        this.mlp = conditional.mlp();
        this.marginal = marginal;
        this.entropyY = entropyY;
    }

    /** The densities' explicit step, or null when they are not the default Gaussian ones. */
    static GaussianStep of(Generative kind, FlatParameters flat, Object conditional, Object marginalY,
            double entropyY) {
        if (kind == Generative.GM || !(conditional instanceof Flow)) {
            return null;
        }
        Flow c = (Flow) conditional;
        if (c.steps().size() != 1 || !(c.steps().get(0) instanceof ConditionalAffine)) {
            return null;
        }
        ElementwiseAffine m = null;
        if (kind == Generative.DOE) {
            if (!(marginalY instanceof Flow) || ((Flow) marginalY).steps().size() != 1
                    || !(((Flow) marginalY).steps().get(0) instanceof ElementwiseAffine)) {
                return null;
            }
            m = (ElementwiseAffine) ((Flow) marginalY).steps().get(0);
        }
        return new GaussianStep(kind, flat, (ConditionalAffine) c.steps().get(0), m, entropyY);
    }

    ExplicitStep step(NDArray x, NDArray y) {
        NDManager mgr = x.getManager();
        int b = Math.toIntExact(x.getShape().get(0));
        int d = Math.toIntExact(y.getShape().get(1));
        Mlp.Trace trace = mlp.trace(flat, 0, x);
        float[] out = trace.output().toFloatArray();
        float[] yv = y.toFloatArray();
        double c = d * StandardNormal.HALF_LOG_TWO_PI;
        float[] dOut = new float[b * 2 * d];
        double[] lc = new double[b];
        double invB = 1.0 / b;
        for (int i = 0; i < b; i++) {
            double l = -c;
            for (int j = 0; j < d; j++) {
                double t = out[i * 2 * d + j];
                double s = out[i * 2 * d + d + j];
                double e = Math.exp(-s);
                double u = (yv[i * d + j] - t) * e;
                l += -0.5 * u * u - s;
                dOut[i * 2 * d + j] = (float) (-invB * u * e);
                dOut[i * 2 * d + d + j] = (float) (-invB * (u * u - 1));
            }
            lc[i] = l;
        }
        double loss = 0;
        for (double l : lc) {
            loss -= l * invB;
        }
        FlatParameters.Gradient g = flat.newGradient();
        mlp.backward(flat, trace, mgr.create(dOut, new Shape(b, 2 * d)), g, false);
        double estimate;
        switch (kind) {
            case DOE:
                double[] lm = marginalStep(yv, b, d, c, g, mgr);
                estimate = 0;
                for (int i = 0; i < b; i++) {
                    loss -= lm[i] * invB;
                    estimate += (lc[i] - lm[i]) * invB;
                }
                break;
            case BA:
                estimate = -loss + entropyY;
                break;
            default:
                estimate = contrastive(out, yv, lc, b, d, c);
                break;
        }
        return new ExplicitStep(loss, estimate, new NDList(g.flat(mgr)));
    }

    /** {@code log q(y_i)} of the marginal per row, its gradient added to {@code g}. */
    private double[] marginalStep(float[] yv, int b, int d, double c, FlatParameters.Gradient g, NDManager mgr) {
        float[] t = flat.fixedView(marginal.shiftId()).toFloatArray();
        float[] s = flat.fixedView(marginal.logScaleId()).toFloatArray();
        double[] lm = new double[b];
        double[] dt = new double[d];
        double[] ds = new double[d];
        double invB = 1.0 / b;
        for (int i = 0; i < b; i++) {
            double l = -c;
            for (int j = 0; j < d; j++) {
                double e = Math.exp(-s[j]);
                double u = (yv[i * d + j] - t[j]) * e;
                l += -0.5 * u * u - s[j];
                dt[j] -= invB * u * e;
                ds[j] -= invB * (u * u - 1);
            }
            lm[i] = l;
        }
        g.add(marginal.shiftId(), mgr.create(toFloat(dt)));
        g.add(marginal.logScaleId(), mgr.create(toFloat(ds)));
        return lm;
    }

    /**
     * CLUB's or L1OUT's batch estimate from the pair log-densities {@code log q(y_k | x_i)}; CLUB's row mean
     * over {@code k} in closed form, {@code sum_j [-(m2_j - 2 t_ij m1_j + t_ij^2) exp(-2 s_ij) / 2 - s_ij] - c}
     * with {@code m1}, {@code m2} the batch's first and second moments of y.
     */
    private double contrastive(float[] out, float[] yv, double[] lc, int b, int d, double c) {
        double[] e = new double[b * d];
        double[] sumS = new double[b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < d; j++) {
                double s = out[i * 2 * d + d + j];
                e[i * d + j] = Math.exp(-s);
                sumS[i] += s;
            }
        }
        double sum = 0;
        if (kind == Generative.CLUB) {
            double[] m1 = new double[d];
            double[] m2 = new double[d];
            for (int k = 0; k < b; k++) {
                for (int j = 0; j < d; j++) {
                    double v = yv[k * d + j];
                    m1[j] += v / b;
                    m2[j] += v * v / b;
                }
            }
            for (int i = 0; i < b; i++) {
                double m = -c - sumS[i];
                for (int j = 0; j < d; j++) {
                    double t = out[i * 2 * d + j];
                    double ee = e[i * d + j];
                    m -= 0.5 * (m2[j] - 2 * t * m1[j] + t * t) * ee * ee;
                }
                sum += lc[i] - m;
            }
            return sum / b;
        }
        double[] column = new double[b];
        for (int i = 0; i < b; i++) {
            // column i: log q(y_i | x_k) for k != i
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < b; k++) {
                if (k == i) {
                    continue;
                }
                double l = -c - sumS[k];
                for (int j = 0; j < d; j++) {
                    double u = (yv[i * d + j] - out[k * 2 * d + j]) * e[k * d + j];
                    l -= 0.5 * u * u;
                }
                column[k] = l;
                max = Math.max(max, l);
            }
            double acc = 0;
            for (int k = 0; k < b; k++) {
                if (k != i) {
                    acc += Math.exp(column[k] - max);
                }
            }
            sum += lc[i] - (max + Math.log(acc) - Math.log(b - 1));
        }
        return sum / b;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
