package io.mist.estimators.discriminative;

import java.util.Arrays;

/**
 * One batch's critic output copied to the JVM, with room for the gradient of the loss with respect to it:
 * what an explicit (autograd-free) training step hands to {@link Objective#gradient}. Two forms:
 * <ul>
 * <li>{@link #rows}: the critic's {@code [R, B]} scores: row 0 the positives {@code f_i}, the negatives
 * {@code f'_{k,i}} from row {@code negRow} on ({@code M} rows; {@code negRow} is 0 when the positive counts as
 * a negative, as with {@code neg_samples = 0});</li>
 * <li>{@link #columns}: only the positives and each column's {@code log mean_k exp f'_{k,i}}, for bounds that
 * see the negatives through those alone ({@link Objective#columnwise()}); the gradient of the negatives is then
 * kept as one coefficient per column of the softmax over that column, for the caller to expand natively.</li>
 * </ul>
 * Optional baseline values {@code b_i} and FLO's {@code u_i}. Arithmetic is in double; log-mean-exps are
 * max-shifted. Not thread-safe.
 */
final class HostScores {
    private final float[] out;
    private final float[] posValues;
    private final double[] columnLme;
    private final double[] softmaxCoef;
    private final int b;
    private final int m;
    private final int negRow;
    private final float[] baseline;
    private final float[] u;
    private final double[] dOut;
    private final double[] dBaseline;
    private final double[] dU;
    private double[] colMax;
    private double[] colSum;
    private double loss;
    private double estimate;

    private HostScores(float[] out, float[] posValues, double[] columnLme, int b, int m, int negRow,
            float[] baseline, float[] u) {
        this.out = out;
        this.posValues = posValues;
        this.columnLme = columnLme;
        this.softmaxCoef = columnLme == null ? null : new double[b];
        this.b = b;
        this.m = m;
        this.negRow = negRow;
        this.baseline = baseline;
        this.u = u;
        this.dOut = new double[out != null ? out.length : b];
        this.dBaseline = baseline == null ? null : new double[b];
        this.dU = u == null ? null : new double[b];
    }

    /**
     * Scores as rows.
     *
     * @param out the critic's scores, row-major {@code [R, B]}
     * @param b batch size
     * @param m negatives per positive (rows {@code negRow .. negRow + m - 1})
     * @param negRow first negative row
     * @param baseline {@code b_i} or null
     * @param u FLO's {@code u_i} or null
     */
    static HostScores rows(float[] out, int b, int m, int negRow, float[] baseline, float[] u) {
        return new HostScores(out, null, null, b, m, negRow, baseline, u);
    }

    /**
     * Positives and per-column log-mean-exps of the {@code m} negatives only.
     *
     * @param pos {@code f_i}
     * @param lme {@code log mean_k exp f'_{k,i}}
     * @param baseline {@code b_i} or null
     * @param u FLO's {@code u_i} or null
     */
    static HostScores columns(float[] pos, double[] lme, int m, float[] baseline, float[] u) {
        return new HostScores(null, pos, lme, pos.length, m, 0, baseline, u);
    }

    int batch() {
        return b;
    }

    int negatives() {
        return m;
    }

    double pos(int i) {
        return out != null ? out[i] : posValues[i];
    }

    double neg(int k, int i) {
        if (out == null) {
            throw new IllegalStateException("the negatives' scores are not on the JVM");
        }
        return out[(negRow + k) * b + i];
    }

    double baseline(int i) {
        return baseline[i];
    }

    double u(int i) {
        return u[i];
    }

    void addPos(int i, double g) {
        dOut[i] += g;
    }

    void addNeg(int k, int i, double g) {
        if (out == null) {
            throw new IllegalStateException("the negatives' scores are not on the JVM");
        }
        dOut[(negRow + k) * b + i] += g;
    }

    void addBaseline(int i, double g) {
        dBaseline[i] += g;
    }

    void addU(int i, double g) {
        dU[i] += g;
    }

    /** Sets the loss and the batch estimate. */
    void result(double lossValue, double estimateValue) {
        this.loss = lossValue;
        this.estimate = estimateValue;
    }

    double loss() {
        return loss;
    }

    double estimate() {
        return estimate;
    }

    /** {@code log mean_k exp f'_{k,i}} for every column {@code i}. */
    double[] logMeanExpPerColumn() {
        if (columnLme != null) {
            return columnLme.clone();
        }
        if (colMax == null) {
            colMax = new double[b];
            colSum = new double[b];
            Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < b; i++) {
                    colMax[i] = Math.max(colMax[i], neg(k, i));
                }
            }
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < b; i++) {
                    colSum[i] += Math.exp(neg(k, i) - colMax[i]);
                }
            }
        }
        double[] lme = new double[b];
        double logM = Math.log(m);
        for (int i = 0; i < b; i++) {
            lme[i] = colMax[i] + Math.log(colSum[i]) - logM;
        }
        return lme;
    }

    /**
     * Adds {@code coef_i * softmax_k(f'_{., i})_k} to the negatives' gradient: the gradient of
     * {@code sum_i coef_i * log mean_k exp f'_{k,i}}. Needs {@link #logMeanExpPerColumn} first.
     */
    void addSoftmaxPerColumn(double[] coef) {
        if (softmaxCoef != null) {
            for (int i = 0; i < b; i++) {
                softmaxCoef[i] += coef[i];
            }
            return;
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < b; i++) {
                addNeg(k, i, coef[i] * Math.exp(neg(k, i) - colMax[i]) / colSum[i]);
            }
        }
    }

    /**
     * {@code exp(f'_{k,i} - shift_i)} for every negative, {@code [M, B]} row-major ({@code shift} of length
     * {@code B}, or 1 for one shift for all).
     */
    double[] expShifted(double[] shift) {
        double[] e = new double[m * b];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < b; i++) {
                e[k * b + i] = Math.exp(neg(k, i) - shift[shift.length == 1 ? 0 : i]);
            }
        }
        return e;
    }

    /** {@code log mean_{k,i} exp(clip(f'_{k,i}))} over all negatives, {@code clip} to {@code [-tau, tau]}. */
    double logMeanExpAll(double tau) {
        double mx = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < b; i++) {
                mx = Math.max(mx, clip(neg(k, i), tau));
            }
        }
        double s = 0;
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < b; i++) {
                s += Math.exp(clip(neg(k, i), tau) - mx);
            }
        }
        return mx + Math.log(s) - Math.log((double) m * b);
    }

    /**
     * Adds {@code coef} times the gradient of {@link #logMeanExpAll} (whose value is {@code lme}) to the
     * negatives' gradient: the softmax over all clipped entries, zero where the clip is active.
     */
    void addSoftmaxAll(double coef, double tau, double lme) {
        double scale = coef / ((double) m * b);
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < b; i++) {
                double v = neg(k, i);
                if (v >= -tau && v <= tau) {
                    addNeg(k, i, scale * Math.exp(v - lme));
                }
            }
        }
    }

    private static double clip(double v, double tau) {
        return Math.max(-tau, Math.min(tau, v));
    }

    /**
     * The gradient of the critic's scores, {@code [R, B]} row-major; with {@link #columns}, of the positives
     * only ({@code [B]}).
     */
    float[] scoreGradient() {
        return toFloat(dOut);
    }

    /**
     * With {@link #columns}: the coefficient {@code c_i} of each column's softmax in the negatives' gradient,
     * {@code dL/df'_{k,i} = c_i softmax_k(f'_{., i})}.
     */
    float[] softmaxCoefficients() {
        return toFloat(softmaxCoef);
    }

    /** The gradient of the baseline values, or null. */
    float[] baselineGradient() {
        return dBaseline == null ? null : toFloat(dBaseline);
    }

    /** The gradient of FLO's {@code u}, or null. */
    float[] uGradient() {
        return dU == null ? null : toFloat(dU);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** {@code log(1 + exp(v))}, stable. */
    static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    /** {@code 1 / (1 + exp(-v))}. */
    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
