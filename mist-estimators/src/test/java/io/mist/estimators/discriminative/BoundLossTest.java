package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.train.internal.Ema;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each bound's loss, pointwise values and batch estimate on a tiny fixed score matrix, against values computed
 * here by hand (in double precision) from the formulas of ESTIMATORS.md.
 */
class BoundLossTest {
    private static final double TOL = 1e-5;
    // B = 3 positives, M = 2 negatives per x: neg[m][i] = f(x_i, y'_m)
    private static final double[] POS = {1.0, 0.5, -0.2};
    private static final double[][] NEG = {{0.3, -1.0, 0.8}, {-0.4, 0.2, 1.5}};
    private static final double[] BASE = {0.7, -0.3, 0.1};
    private static final double[] U = {0.9, 0.4, 0.1};
    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    private Scores scores() {
        float[] neg = new float[6];
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 3; i++) {
                neg[r * 3 + i] = (float) NEG[r][i];
            }
        }
        return new Scores(m.create(f(POS)), m.create(neg, new Shape(2, 3)), null, 2, m.create(f(BASE)),
                m.create(f(U)));
    }

    private static float[] f(double[] d) {
        float[] r = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (float) d[i];
        }
        return r;
    }

    /** mean_m exp(neg[m][i] - b). */
    private static double meanExp(int i, double b) {
        return (Math.exp(NEG[0][i] - b) + Math.exp(NEG[1][i] - b)) / 2;
    }

    private static double meanExpAll() {
        double s = 0;
        for (double[] row : NEG) {
            for (double v : row) {
                s += Math.exp(v);
            }
        }
        return s / 6;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double softplus(double v) {
        return Math.log1p(Math.exp(v));
    }

    private void check(Bound b, double[] expectedPointwise, double expectedLoss, double expectedEstimate) {
        Scores s = scores();
        float[] pw = b.pointwise(s, 5, 0.01).toFloatArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(expectedPointwise[i], pw[i], TOL, b + " pointwise " + i);
        }
        NDList out = b.loss(s, 5, 0.01, new Ema(0.9));
        assertEquals(expectedLoss, out.get(0).toFloatArray()[0], TOL, b + " loss");
        assertEquals(expectedEstimate, out.get(1).toFloatArray()[0], TOL, b + " estimate");
    }

    @Test
    void nwj() {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = POS[i] - meanExp(i, 1);
        }
        check(Bound.NWJ, r, -mean(r), mean(r));
    }

    @Test
    void tuba() {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = POS[i] - (meanExp(i, BASE[i]) + BASE[i] - 1);
        }
        check(Bound.TUBA, r, -mean(r), mean(r));
    }

    @Test
    void infonce() {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = POS[i] - Math.log(meanExp(i, 0));
        }
        check(Bound.INFONCE, r, -mean(r), mean(r));
    }

    @Test
    void alphaTuba() {
        double alpha = 0.01;
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            double b1 = Math.log(meanExp(i, 0));
            double b = Math.log(alpha * Math.exp(b1) + (1 - alpha) * Math.exp(BASE[i]));
            r[i] = POS[i] - (meanExp(i, b) + b - 1);
        }
        check(Bound.ALPHA_TUBA, r, -mean(r), mean(r));
    }

    @Test
    void mineEvaluatesDonskerVaradhanAndTrainsWithTheEmaBaseline() {
        double lz = Math.log(meanExpAll());
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = POS[i] - lz;
        }
        // first step: the EMA is the first batch mean, so b = log mean exp(f') and the loss equals -DV
        double b = lz;
        double loss = -(mean(POS) - (meanExpAll() / Math.exp(b) + b - 1));
        check(Bound.MINE, r, loss, mean(r));
        // second step with a different EMA: EMA = 0.9 * 2.0 + 0.1 * meanExpAll
        Ema ema = new Ema(0.9);
        ema.update(2.0);
        double e = 0.9 * 2.0 + 0.1 * meanExpAll();
        double loss2 = -(mean(POS) - (meanExpAll() / e + Math.log(e) - 1));
        assertEquals(loss2, Bound.MINE.loss(scores(), 5, 0.01, ema).get(0).toFloatArray()[0], TOL);
    }

    @Test
    void jsTrainsOnSoftplusAndReportsNwjOfTheShiftedCritic() {
        double[] r = new double[3];
        double negSp = 0;
        for (int i = 0; i < 3; i++) {
            r[i] = POS[i] + 1 - meanExp(i, 0);
            negSp += softplus(NEG[0][i]) + softplus(NEG[1][i]);
        }
        double loss = mean(new double[] {softplus(-POS[0]), softplus(-POS[1]), softplus(-POS[2])}) + negSp / 6;
        check(Bound.JS, r, loss, mean(r));
    }

    @Test
    void smileClipsTheNegativesInThePartition() {
        double tau = 5;
        // clipping matters only when a negative exceeds tau; use tau = 1 on the matrix below via a second check
        double lz = Math.log(meanExpAll());
        double[] r = new double[3];
        double negSp = 0;
        for (int i = 0; i < 3; i++) {
            r[i] = POS[i] - lz;
            negSp += softplus(NEG[0][i]) + softplus(NEG[1][i]);
        }
        double loss = mean(new double[] {softplus(-POS[0]), softplus(-POS[1]), softplus(-POS[2])}) + negSp / 6;
        check(Bound.SMILE, r, loss, mean(r));
        double clipped = 0;
        for (double[] row : NEG) {
            for (double v : row) {
                clipped += Math.exp(Math.max(-1, Math.min(1, v)));
            }
        }
        double lzc = Math.log(clipped / 6);
        float[] pw = Bound.SMILE.pointwise(scores(), 1, 0.01).toFloatArray();
        assertEquals(POS[2] - lzc, pw[2], TOL);
        assertEquals(tau, 5.0);
    }

    @Test
    void flo() {
        double lossSum = 0;
        for (int i = 0; i < 3; i++) {
            double logZ = Math.exp(U[i] - POS[i] + Math.log(meanExp(i, 0))) - 1;
            lossSum += U[i] - logZ;
        }
        check(Bound.FLO, U, -lossSum / 3, mean(U));
    }

    @Test
    void diagonalMaskLeavesExactlyTheOffDiagonalNegatives() {
        // 3 x 3 all-pairs matrix T[j][i]; neg_samples = -1 masks the diagonal, M = 2
        double[][] t = {{1.0, 0.3, -0.4}, {-1.0, 0.5, 0.2}, {0.8, 1.5, -0.2}};
        float[] tv = new float[9];
        float[] mask = new float[9];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                tv[j * 3 + i] = (float) t[j][i];
                mask[j * 3 + i] = i == j ? Scores.MASKED : 0;
            }
        }
        NDArray all = m.create(tv, new Shape(3, 3));
        Scores s = new Scores(all.diagonal(), all, m.create(mask, new Shape(3, 3)), 2, null, null);
        assertInfoNceOverOffDiagonal(t, Bound.INFONCE.pointwise(s, 5, 0.01).toFloatArray());
        double sp = 0;
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                if (i != j) {
                    sp += softplus(t[j][i]);
                }
            }
        }
        assertEquals(sp / 6, s.meanSoftplus(all).toFloatArray()[0], TOL);
    }

    @Test
    void offDiagonalGatherKeepsEveryOtherRowOfEachColumn() {
        double[][] t = {{1.0, 0.3, -0.4}, {-1.0, 0.5, 0.2}, {0.8, 1.5, -0.2}};
        float[] tv = new float[9];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                tv[j * 3 + i] = (float) t[j][i];
            }
        }
        NDArray all = m.create(tv, new Shape(3, 3));
        NDArray neg = all.gather(Shifts.offDiagonal(m, 3), 0);
        assertEquals(new Shape(2, 3), neg.getShape());
        Scores s = new Scores(all.diagonal(), neg, null, 2, null, null);
        assertInfoNceOverOffDiagonal(t, Bound.INFONCE.pointwise(s, 5, 0.01).toFloatArray());
    }

    /** InfoNCE pointwise values against {@code t_ii - log mean_{j != i} exp(t_ji)} of a 3 x 3 score matrix. */
    private static void assertInfoNceOverOffDiagonal(double[][] t, float[] pw) {
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    sum += Math.exp(t[j][i]);
                }
            }
            assertEquals(t[i][i] - Math.log(sum / 2), pw[i], TOL);
        }
    }
}
