package io.mist.estimators.gmm;

/**
 * Gauss-Hermite rules: nodes {@code t_i} and weights {@code w_i} with
 * {@code int exp(-t^2) f(t) dt ~ sum_i w_i f(t_i)}, exact for polynomials of degree {@code < 2m}. Nodes are
 * the roots of the orthonormal Hermite polynomial {@code psi_m} (three-term recurrence
 * {@code psi_{j+1} = sqrt(2/(j+1)) t psi_j - sqrt(j/(j+1)) psi_{j-1}}, {@code psi_0 = pi^(-1/4)}), bracketed
 * by a sign scan and refined by bisection; weights are the Christoffel numbers
 * {@code w_i = 1 / sum_{j<m} psi_j(t_i)^2} (Szego, "Orthogonal Polynomials", sec. 3.4).
 */
final class GaussHermite {
    private GaussHermite() {
    }

    /** {@code {nodes, weights}} of order {@code m}. */
    static double[][] rule(int m) {
        double[] nodes = new double[m];
        double[] weights = new double[m];
        double t = Math.sqrt(2.0 * m + 1) + 1.0;
        double step = 1e-3;
        int found = 0;
        double a = -t;
        double fa = psi(m, a);
        while (a < t && found < m) {
            double b = a + step;
            double fb = psi(m, b);
            if (fa == 0 || (fa < 0) != (fb < 0)) {
                double lo = a;
                double hi = b;
                double flo = fa;
                for (int it = 0; it < 200 && hi - lo > 4 * Math.ulp(Math.abs(lo) + 1e-300); it++) {
                    double mid = 0.5 * (lo + hi);
                    double fm = psi(m, mid);
                    if ((fm < 0) == (flo < 0)) {
                        lo = mid;
                        flo = fm;
                    } else {
                        hi = mid;
                    }
                }
                nodes[found++] = 0.5 * (lo + hi);
            }
            a = b;
            fa = fb;
        }
        if (found != m) {
            throw new IllegalStateException("Gauss-Hermite: found " + found + " of " + m + " roots");
        }
        for (int i = 0; i < m; i++) {
            double x = nodes[i];
            double p0 = Math.pow(Math.PI, -0.25);
            double pm1 = 0;
            double s = p0 * p0;
            for (int j = 0; j < m - 1; j++) {
                double p1 = Math.sqrt(2.0 / (j + 1)) * x * p0 - Math.sqrt((double) j / (j + 1)) * pm1;
                pm1 = p0;
                p0 = p1;
                s += p0 * p0;
            }
            weights[i] = 1.0 / s;
        }
        return new double[][] {nodes, weights};
    }

    private static double psi(int m, double x) {
        double p0 = Math.pow(Math.PI, -0.25);
        double pm1 = 0;
        for (int j = 0; j < m; j++) {
            double p1 = Math.sqrt(2.0 / (j + 1)) * x * p0 - Math.sqrt((double) j / (j + 1)) * pm1;
            pm1 = p0;
            p0 = p1;
        }
        return p0;
    }
}
