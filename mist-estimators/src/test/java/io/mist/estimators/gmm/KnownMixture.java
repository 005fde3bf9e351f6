package io.mist.estimators.gmm;

/**
 * A 2-component bivariate mixture and its MI from an independent high-precision integral: composite
 * Simpson rules on a fine grid of the box [-12, 12]^2 of {@code p log(p / (p_x p_y))}, with the densities
 * written out from their formulas (no code shared with the estimator).
 */
final class KnownMixture {
    static final double[] W = {0.4, 0.6};
    static final double[][] MU = {{-3, -3}, {3, 2}};
    static final double[][][] COV = {{{1, 0.5}, {0.5, 1}}, {{1.5, -0.6}, {-0.6, 1}}};
    static final Mixture MIXTURE = Mixture.of(W, MU, COV);
    static final double TRUE_MI = simpson(2400);

    private KnownMixture() {
    }

    static double pdf2(double x, double y) {
        double p = 0;
        for (int c = 0; c < 2; c++) {
            double a = COV[c][0][0];
            double b = COV[c][0][1];
            double d = COV[c][1][1];
            double det = a * d - b * b;
            double u = x - MU[c][0];
            double v = y - MU[c][1];
            double q = (d * u * u - 2 * b * u * v + a * v * v) / det;
            p += W[c] * Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
        }
        return p;
    }

    static double pdf1(double t, int axis) {
        double p = 0;
        for (int c = 0; c < 2; c++) {
            double s2 = COV[c][axis][axis];
            double u = t - MU[c][axis];
            p += W[c] * Math.exp(-0.5 * u * u / s2) / Math.sqrt(2 * Math.PI * s2);
        }
        return p;
    }

    /** Composite Simpson on an (m+1) x (m+1) grid, m even. */
    static double simpson(int m) {
        double lo = -12;
        double hi = 12;
        double h = (hi - lo) / m;
        double[] px = new double[m + 1];
        double[] py = new double[m + 1];
        double[] sw = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            double t = lo + i * h;
            px[i] = pdf1(t, 0);
            py[i] = pdf1(t, 1);
            sw[i] = (i == 0 || i == m) ? 1 : (i % 2 == 1 ? 4 : 2);
        }
        double s = 0;
        for (int i = 0; i <= m; i++) {
            double x = lo + i * h;
            for (int j = 0; j <= m; j++) {
                double p = pdf2(x, lo + j * h);
                if (p > 0) {
                    s += sw[i] * sw[j] * p * Math.log(p / (px[i] * py[j]));
                }
            }
        }
        return s * h * h / 9;
    }
}
