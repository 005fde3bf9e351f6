package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import io.mist.train.internal.Ema;

/**
 * One node of a bound's formula: a primitive that carries both its value and its gradient, so that a bound
 * is written once, as a composition of terms ({@link Bound}), and {@link Objective} evaluates it on either
 * path:
 * <ul>
 * <li>on NDArrays ({@link #nd}) for evaluation and PyTorch's autograd; constants stay JVM doubles there
 * (folded in double, applied as one float scalar), so each bound's NDArray arithmetic is the float
 * arithmetic it always had;</li>
 * <li>on the JVM ({@link #host}, {@link #backward}) in double, with reverse-mode gradients into
 * {@link HostScores}, for the explicit training step of the built-in networks.</li>
 * </ul>
 * Values are per-sample vectors ({@code [B]}) or scalars; binary terms broadcast a scalar. The primitives over
 * the scores are the positives {@code f_i}, the baseline {@code b_i}, FLO's {@code u_i} and four reductions of
 * the negatives: {@link #logMeanExpColumns}, {@link #logMeanExpAll}, {@link #meanExpShifted} and
 * {@link #meanSoftplusNegatives}. A new bound is a short composition of these; a new primitive is one small
 * subclass here with its three methods. Terms are immutable.
 */
abstract class Term {
    /** How a term reads the negatives on the JVM. */
    enum Access {
        /** Not at all. */
        NONE,
        /** Only through each column's log-mean-exp ({@link HostScores#columns} suffices). */
        COLUMNS,
        /** Entry by entry ({@link HostScores#rows} needed). */
        ROWS
    }

    private final Term[] args;

    Term(Term... args) {
        this.args = args;
    }

    final Term[] args() {
        return args;
    }

    /**
     * The value on NDArrays from the arguments' values: an {@link NDArray}, or a {@link Double} for a value
     * that does not depend on the scores.
     */
    abstract Object nd(Scores s, Object[] a);

    /** The value on the JVM from the arguments' values: {@code [1]} for a scalar, {@code [B]} per sample. */
    abstract double[] host(HostPass p, double[][] a);

    /**
     * Back-propagates {@code adjoint} (the loss's gradient with respect to this term's value {@code v}): adds
     * to each argument's adjoint, and to the scores' gradient for the primitives over the scores.
     */
    abstract void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint);

    /** Whether gradients flow through this term to its arguments (false for detached terms). */
    boolean passesGradient() {
        return true;
    }

    /** How this term itself reads the negatives. */
    Access access() {
        return Access.NONE;
    }

    /** Whether this term is one of the baseline values {@code b_i}. */
    boolean isBaseline() {
        return false;
    }

    // ---------------------------------------------------------------- composition

    Term add(Term o) {
        return new Binary(Op.ADD, this, o);
    }

    Term add(double c) {
        return add(constant(c));
    }

    Term sub(Term o) {
        return new Binary(Op.SUB, this, o);
    }

    Term sub(double c) {
        return sub(constant(c));
    }

    Term neg() {
        return new Unary(Fn.NEG, this);
    }

    Term exp() {
        return new Unary(Fn.EXP, this);
    }

    Term softplus() {
        return new Unary(Fn.SOFTPLUS, this);
    }

    /** Mean over the batch, a scalar. */
    Term mean() {
        return new Mean(this);
    }

    // ---------------------------------------------------------------- leaves and primitives over the scores

    /** The positives {@code f_i}. */
    static Term positives() {
        return new Leaf(Leaf.Kind.POSITIVES);
    }

    /** The baseline {@code b_i} (TUBA's {@code b(x)}). */
    static Term baseline() {
        return new Leaf(Leaf.Kind.BASELINE);
    }

    /** FLO's normalised critic {@code u_i}. */
    static Term u() {
        return new Leaf(Leaf.Kind.U);
    }

    /** A constant. */
    static Term constant(double c) {
        return new Constant(c);
    }

    /** {@code log mean_k exp f'_{k,i}} per column; gradient {@code softmax_k(f'_{., i})}. */
    static Term logMeanExpColumns() {
        return new LogMeanExpColumns();
    }

    /**
     * {@code log mean_{k,i} exp clip(f'_{k,i}, -tau, tau)} over all negatives, a scalar ({@code tau} infinite:
     * no clipping); gradient the softmax over all entries, zero where the clip is active.
     */
    static Term logMeanExpAll(double tau) {
        return new LogMeanExpAll(tau);
    }

    /**
     * {@code E_i = mean_k exp(f'_{k,i} - shift_i)} per column (on NDArrays {@code exp(lme_i - shift_i)});
     * gradient {@code exp(f'_{k,i} - shift_i) / M} for the negatives and {@code -E_i} for the shift.
     */
    static Term meanExpShifted(Term shift) {
        return new MeanExpShifted(shift);
    }

    /** {@code mean_{k,i} softplus(f'_{k,i})}, a scalar; gradient {@code sigmoid(f'_{k,i}) / (M B)}. */
    static Term meanSoftplusNegatives() {
        return new MeanSoftplusNegatives();
    }

    /**
     * {@code log EMA(clamp(exp(x), lo, hi))} of a scalar {@code x}, detached: updates {@code ema} once per
     * evaluation (MINE's bias-corrected baseline).
     */
    static Term logMovingAverageOfExp(Term x, Ema ema, double lo, double hi) {
        return new LogMovingAverageOfExp(x, ema, lo, hi);
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * Elementwise functions: the value on NDArrays and in double, and the derivative {@code dy/dx} from
     * {@code x} and {@code y}. The JVM loops switch once per call, not per element, so that each stays a
     * tight loop over an intrinsic.
     */
    private enum Fn {
        EXP, NEG, SOFTPLUS;

        NDArray nd(NDArray x) {
            return switch (this) {
                case EXP -> x.exp();
                case NEG -> x.neg();
                case SOFTPLUS -> Activation.softPlus(x);
            };
        }

        double value(double x) {
            return switch (this) {
                case EXP -> Math.exp(x);
                case NEG -> -x;
                case SOFTPLUS -> HostScores.softplus(x);
            };
        }

        void values(double[] x, double[] y) {
            switch (this) {
                case EXP -> {
                    for (int i = 0; i < y.length; i++) {
                        y[i] = Math.exp(x[i]);
                    }
                }
                case NEG -> {
                    for (int i = 0; i < y.length; i++) {
                        y[i] = -x[i];
                    }
                }
                case SOFTPLUS -> {
                    for (int i = 0; i < y.length; i++) {
                        y[i] = HostScores.softplus(x[i]);
                    }
                }
            }
        }

        /** Adds {@code adjoint * dy/dx} to {@code dx}. */
        void backward(double[] x, double[] y, double[] adjoint, double[] dx) {
            switch (this) {
                case EXP -> {
                    for (int i = 0; i < y.length; i++) {
                        dx[i] += adjoint[i] * y[i];
                    }
                }
                case NEG -> {
                    for (int i = 0; i < y.length; i++) {
                        dx[i] -= adjoint[i];
                    }
                }
                case SOFTPLUS -> {
                    for (int i = 0; i < y.length; i++) {
                        dx[i] += adjoint[i] * HostScores.sigmoid(x[i]);
                    }
                }
            }
        }
    }

    private static final class Unary extends Term {
        private final Fn fn;

        Unary(Fn fn, Term x) {
            super(x);
            this.fn = fn;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return a[0] instanceof Double c ? (Object) fn.value(c) : fn.nd((NDArray) a[0]);
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            double[] y = new double[a[0].length];
            fn.values(a[0], y);
            return y;
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            fn.backward(a[0], v, adjoint, argAdjoint[0]);
        }
    }

    /** Binary operations: on NDArrays with a constant operand applied as a float scalar. */
    private enum Op {
        ADD, SUB;

        double apply(double x, double y) {
            return this == ADD ? x + y : x - y;
        }

        /** {@code d/dy} of the operation ({@code d/dx} is 1). */
        double dy() {
            return this == ADD ? 1 : -1;
        }

        Object nd(Object x, Object y) {
            if (x instanceof Double cx && y instanceof Double cy) {
                return apply(cx, cy);
            }
            if (y instanceof Double cy) {
                NDArray ax = (NDArray) x;
                return this == ADD ? ax.add(cy.floatValue()) : ax.sub(cy.floatValue());
            }
            NDArray ay = (NDArray) y;
            if (x instanceof Double cx) {
                return this == ADD ? ay.add(cx.floatValue()) : ay.neg().add(cx.floatValue());
            }
            return this == ADD ? ((NDArray) x).add(ay) : ((NDArray) x).sub(ay);
        }
    }

    private static final class Binary extends Term {
        private final Op op;

        Binary(Op op, Term x, Term y) {
            super(x, y);
            this.op = op;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return op.nd(a[0], a[1]);
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            double[] x = a[0];
            double[] y = a[1];
            double sign = op.dy();
            if (x.length == y.length) {
                double[] r = new double[x.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = x[i] + sign * y[i];
                }
                return r;
            }
            if (y.length == 1) {
                double[] r = new double[x.length];
                double c = y[0];
                for (int i = 0; i < r.length; i++) {
                    r[i] = op.apply(x[i], c);
                }
                return r;
            }
            double[] r = new double[y.length];
            double c = x[0];
            for (int i = 0; i < r.length; i++) {
                r[i] = op.apply(c, y[i]);
            }
            return r;
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            accumulate(argAdjoint[0], adjoint, 1);
            accumulate(argAdjoint[1], adjoint, op.dy());
        }

        /** {@code d += sign * adjoint}, summed when {@code d} is a broadcast scalar. */
        private static void accumulate(double[] d, double[] adjoint, double sign) {
            if (d.length == adjoint.length) {
                for (int i = 0; i < d.length; i++) {
                    d[i] += sign * adjoint[i];
                }
                return;
            }
            double sum = 0;
            for (double g : adjoint) {
                sum += g;
            }
            d[0] += sign * sum;
        }
    }

    private static final class Mean extends Term {
        Mean(Term x) {
            super(x);
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return a[0] instanceof Double ? a[0] : ((NDArray) a[0]).mean();
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            double sum = 0;
            for (double v : a[0]) {
                sum += v;
            }
            return new double[] {sum / a[0].length};
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            double g = adjoint[0] / a[0].length;
            for (int i = 0; i < a[0].length; i++) {
                argAdjoint[0][i] += g;
            }
        }
    }

    private static final class Constant extends Term {
        private final double c;

        Constant(double c) {
            this.c = c;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return c;
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            return new double[] {c};
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
        }
    }

    // ---------------------------------------------------------------- the scores

    private static final class Leaf extends Term {
        enum Kind { POSITIVES, BASELINE, U }

        private final Kind kind;

        Leaf(Kind kind) {
            this.kind = kind;
        }

        @Override
        boolean isBaseline() {
            return kind == Kind.BASELINE;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return switch (kind) {
                case POSITIVES -> s.pos();
                case BASELINE -> s.baseline();
                case U -> s.u();
            };
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            HostScores s = p.scores();
            double[] v = new double[s.batch()];
            switch (kind) {
                case POSITIVES -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = s.pos(i);
                    }
                }
                case BASELINE -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = s.baseline(i);
                    }
                }
                case U -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = s.u(i);
                    }
                }
            }
            return v;
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            HostScores s = p.scores();
            switch (kind) {
                case POSITIVES -> {
                    for (int i = 0; i < v.length; i++) {
                        s.addPos(i, adjoint[i]);
                    }
                }
                case BASELINE -> {
                    for (int i = 0; i < v.length; i++) {
                        s.addBaseline(i, adjoint[i]);
                    }
                }
                case U -> {
                    for (int i = 0; i < v.length; i++) {
                        s.addU(i, adjoint[i]);
                    }
                }
            }
        }
    }

    private static final class LogMeanExpColumns extends Term {
        @Override
        Access access() {
            return Access.COLUMNS;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return s.logMeanExpPerColumn(s.neg());
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            return p.scores().logMeanExpPerColumn();
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            p.scores().addSoftmaxPerColumn(adjoint);
        }
    }

    private static final class LogMeanExpAll extends Term {
        private final double tau;

        LogMeanExpAll(double tau) {
            this.tau = tau;
        }

        @Override
        Access access() {
            return Access.ROWS;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            NDArray neg = Double.isInfinite(tau) ? s.neg() : s.neg().clip((float) -tau, (float) tau);
            return s.logMeanExpAll(neg);
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            return new double[] {p.scores().logMeanExpAll(tau)};
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            p.scores().addSoftmaxAll(adjoint[0], tau, v[0]);
        }
    }

    private static final class MeanExpShifted extends Term {
        MeanExpShifted(Term shift) {
            super(shift);
        }

        @Override
        Access access() {
            return Access.ROWS;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            NDArray lme = s.logMeanExpPerColumn(s.neg());
            return (a[0] instanceof Double c ? lme.sub(c.floatValue()) : lme.sub((NDArray) a[0])).exp();
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            double[] exps = p.scores().expShifted(a[0]);
            p.keep(exps);
            HostScores s = p.scores();
            int b = s.batch();
            double[] e = new double[b];
            for (int k = 0; k < s.negatives(); k++) {
                for (int i = 0; i < b; i++) {
                    e[i] += exps[k * b + i];
                }
            }
            for (int i = 0; i < b; i++) {
                e[i] /= s.negatives();
            }
            return e;
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            HostScores s = p.scores();
            double[] exps = (double[]) p.kept();
            int b = s.batch();
            int m = s.negatives();
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < b; i++) {
                    s.addNeg(k, i, adjoint[i] / m * exps[k * b + i]);
                }
            }
            double[] dShift = argAdjoint[0];
            for (int i = 0; i < b; i++) {
                dShift[dShift.length == 1 ? 0 : i] -= adjoint[i] * v[i];
            }
        }
    }

    private static final class MeanSoftplusNegatives extends Term {
        @Override
        Access access() {
            return Access.ROWS;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return s.meanSoftplus(s.neg());
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            HostScores s = p.scores();
            double scale = 1.0 / ((double) s.negatives() * s.batch());
            double sum = 0;
            for (int k = 0; k < s.negatives(); k++) {
                for (int i = 0; i < s.batch(); i++) {
                    sum += HostScores.softplus(s.neg(k, i)) * scale;
                }
            }
            return new double[] {sum};
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
            HostScores s = p.scores();
            double scale = adjoint[0] / ((double) s.negatives() * s.batch());
            for (int k = 0; k < s.negatives(); k++) {
                for (int i = 0; i < s.batch(); i++) {
                    s.addNeg(k, i, HostScores.sigmoid(s.neg(k, i)) * scale);
                }
            }
        }
    }

    private static final class LogMovingAverageOfExp extends Term {
        private final Ema ema;
        private final double lo;
        private final double hi;

        LogMovingAverageOfExp(Term x, Ema ema, double lo, double hi) {
            super(x);
            this.ema = ema;
            this.lo = lo;
            this.hi = hi;
        }

        private double value(double x) {
            return Math.log(ema.update(Math.min(hi, Math.max(lo, Math.exp(x)))));
        }

        @Override
        boolean passesGradient() {
            return false;
        }

        @Override
        Object nd(Scores s, Object[] a) {
            return value(a[0] instanceof Double c ? c : ((NDArray) a[0]).toFloatArray()[0]);
        }

        @Override
        double[] host(HostPass p, double[][] a) {
            return new double[] {value(a[0][0])};
        }

        @Override
        void backward(HostPass p, double[][] a, double[] v, double[] adjoint, double[][] argAdjoint) {
        }
    }
}
