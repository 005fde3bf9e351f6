package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Information quantities of a fitted Gaussian mixture (Piras et al. 2023, sec. 2.3). With the joint mixture
 * {@code p} over {@code [x, y]} and its marginal mixtures {@code p_x}, {@code p_y} (same weights, marginal
 * Gaussians):
 * <ul>
 *   <li>{@code I(X;Y) = E_p[log p(x,y) - log p_x(x) - log p_y(y)]};</li>
 *   <li>{@code I(X;Y|Z) = E_p[log p(x,y,z) + log p_z(z) - log p_xz(x,z) - log p_yz(y,z)]} from one joint
 *       mixture over {@code [x, y, z]};</li>
 *   <li>{@code KL(p_x || p_y) = E_{p_x}[log p_x(v) - log p_y(v)]} (x and y of equal dimension);</li>
 *   <li>for a categorical {@code C} and continuous {@code Y} with one mixture {@code p(y|c)} per category and
 *       {@code p(y) = sum_c P(c) p(y|c)}: {@code I(C;Y) = sum_c P(c) E_{p(y|c)}[log p(y|c) - log p(y)]}.</li>
 * </ul>
 * Expectations are Monte Carlo averages over samples drawn from the mixture ({@link GmmConfig.Integral#MC}),
 * or, for 1-D x and y, quadrature ({@link GmmConfig.Integral#QUAD}): since {@code p = sum_k w_k N_k}, each
 * expectation is {@code sum_k w_k E_{N_k}[f]}, and each Gaussian expectation is a tensor Gauss-Hermite rule
 * of order {@value #HERMITE_ORDER} in the component's whitened coordinates. The integrand (a difference of
 * log-sum-exps) is smooth, so this converges fast; it replaces GMM-MI's adaptive {@code dblquad}.
 */
final class MixtureInformation {
    /** Gauss-Hermite order per dimension for {@link GmmConfig.Integral#QUAD}. */
    public static final int HERMITE_ORDER = 96;

    private static final double[][] HERMITE = GaussHermite.rule(HERMITE_ORDER);

    private MixtureInformation() {
    }

    /** I(X;Y) of {@code joint} over {@code [x (dx), y (dim - dx)]}, in nats. */
    public static double mutualInformation(Mixture joint, int dx, GmmConfig.Integral integral, int mcSamples,
            UniformRandomProvider rng) {
        Checks.notNull("joint", joint);
        int d = joint.dim();
        if (dx < 1 || dx >= d) {
            throw Checks.fail("dx must be in [1, %d), got %d", d, dx);
        }
        int[] xi = range(0, dx);
        int[] yi = range(dx, d);
        Mixture px = joint.marginal(xi);
        Mixture py = joint.marginal(yi);
        if (integral == GmmConfig.Integral.QUAD) {
            if (d != 2) {
                throw Checks.fail("integral=quad needs 1-D x and 1-D y, got dx = %d, dy = %d; use integral=mc", dx,
                        d - dx);
            }
            return quadrature(joint, (v, sc) -> joint.logDensity(v) - px.logDensity(new double[] {v[0]})
                    - py.logDensity(new double[] {v[1]}));
        }
        Checks.atLeast("mc_samples", mcSamples, 1);
        double[] s = joint.sample(mcSamples, rng);
        double[] lj = joint.logDensities(s, mcSamples);
        double[] lx = new double[mcSamples];
        double[] ly = new double[mcSamples];
        px.logDensities(s, mcSamples, 0, d, lx, new double[px.components()], new double[dx]);
        py.logDensities(s, mcSamples, dx, d, ly, new double[py.components()], new double[d - dx]);
        double sum = 0;
        for (int i = 0; i < mcSamples; i++) {
            sum += lj[i] - lx[i] - ly[i];
        }
        return sum / mcSamples;
    }

    /** I(X;Y|Z) of {@code joint} over {@code [x (dx), y (dy), z (rest)]} by Monte Carlo, in nats. */
    public static double conditionalMutualInformation(Mixture joint, int dx, int dy, int mcSamples,
            UniformRandomProvider rng) {
        int d = joint.dim();
        int dz = d - dx - dy;
        if (dx < 1 || dy < 1 || dz < 1) {
            throw Checks.fail("conditional MI needs dx, dy, dz >= 1, got %d, %d, %d", dx, dy, dz);
        }
        Checks.atLeast("mc_samples", mcSamples, 1);
        int[] zi = range(dx + dy, d);
        int[] xz = concat(range(0, dx), zi);
        int[] yz = concat(range(dx, dx + dy), zi);
        double[] s = joint.sample(mcSamples, rng);
        double[] lj = joint.logDensities(s, mcSamples);
        double[] lz = logDensities(joint.marginal(zi), s, mcSamples, d, zi);
        double[] lxz = logDensities(joint.marginal(xz), s, mcSamples, d, xz);
        double[] lyz = logDensities(joint.marginal(yz), s, mcSamples, d, yz);
        double sum = 0;
        for (int i = 0; i < mcSamples; i++) {
            sum += lj[i] + lz[i] - lxz[i] - lyz[i];
        }
        return sum / mcSamples;
    }

    /**
     * {@code KL(p_x || p_y)} ({@code forward}) or {@code KL(p_y || p_x)} between the marginals of {@code joint}
     * over {@code [x, y]} with {@code dim = 2 dx}, in nats.
     */
    public static double klDivergence(Mixture joint, int dx, boolean forward, GmmConfig.Integral integral,
            int mcSamples, UniformRandomProvider rng) {
        int d = joint.dim();
        if (2 * dx != d) {
            throw Checks.fail("kl needs x and y of the same dimension, got dx = %d, dy = %d", dx, d - dx);
        }
        Mixture px = joint.marginal(range(0, dx));
        Mixture py = joint.marginal(range(dx, d));
        Mixture p = forward ? px : py;
        Mixture q = forward ? py : px;
        if (integral == GmmConfig.Integral.QUAD) {
            if (dx != 1) {
                throw Checks.fail("integral=quad needs 1-D x and y, got dx = %d; use integral=mc", dx);
            }
            return quadrature(p, (v, sc) -> p.logDensity(v) - q.logDensity(v));
        }
        Checks.atLeast("mc_samples", mcSamples, 1);
        double[] s = p.sample(mcSamples, rng);
        double[] lp = p.logDensities(s, mcSamples);
        double[] lq = q.logDensities(s, mcSamples);
        double sum = 0;
        for (int i = 0; i < mcSamples; i++) {
            sum += lp[i] - lq[i];
        }
        return sum / mcSamples;
    }

    /**
     * I(C;Y) for a categorical {@code C} with probabilities {@code priors} and one mixture per category
     * over the continuous {@code Y}, in nats. Monte Carlo uses {@code max(100, mcSamples / C)} samples per
     * category; quadrature needs 1-D y.
     */
    public static double categoricalMutualInformation(double[] priors, List<Mixture> conditionals,
            GmmConfig.Integral integral, int mcSamples, UniformRandomProvider rng) {
        int cats = priors.length;
        if (cats != conditionals.size() || cats < 1) {
            throw Checks.fail("need one mixture per category: %d priors, %d mixtures", cats, conditionals.size());
        }
        double[] logPrior = new double[cats];
        for (int c = 0; c < cats; c++) {
            logPrior[c] = Math.log(priors[c]);
        }
        int d = conditionals.get(0).dim();
        double total = 0;
        for (int c = 0; c < cats; c++) {
            Mixture m = conditionals.get(c);
            if (priors[c] == 0) {
                continue;
            }
            MarginalLog f = (v, sc) -> {
                double self = m.logDensity(v);
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < cats; j++) {
                    sc[j] = logPrior[j] + conditionals.get(j).logDensity(v);
                    max = Math.max(max, sc[j]);
                }
                double s = 0;
                for (int j = 0; j < cats; j++) {
                    s += Math.exp(sc[j] - max);
                }
                return self - (max + Math.log(s));
            };
            double e;
            if (integral == GmmConfig.Integral.QUAD) {
                if (d != 1) {
                    throw Checks.fail("integral=quad needs 1-D y for categorical MI, got %d; use integral=mc", d);
                }
                e = quadrature(m, f, cats);
            } else {
                int mc = Math.max(100, mcSamples / cats);
                double[] s = m.sample(mc, rng);
                double[] own = m.logDensities(s, mc);
                double[][] all = new double[cats][];
                for (int j = 0; j < cats; j++) {
                    all[j] = conditionals.get(j).logDensities(s, mc);
                }
                double sum = 0;
                for (int i = 0; i < mc; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < cats; j++) {
                        max = Math.max(max, logPrior[j] + all[j][i]);
                    }
                    double acc = 0;
                    for (int j = 0; j < cats; j++) {
                        acc += Math.exp(logPrior[j] + all[j][i] - max);
                    }
                    sum += own[i] - (max + Math.log(acc));
                }
                e = sum / mc;
            }
            total += priors[c] * e;
        }
        return total;
    }

    /** A log-ratio integrand; {@code scratch} has room for one value per category. */
    @FunctionalInterface
    interface MarginalLog {
        double at(double[] v, double[] scratch);
    }

    /** {@code E_m[f]} by tensor Gauss-Hermite quadrature per component (dimension 1 or 2). */
    static double quadrature(Mixture m, MarginalLog f) {
        return quadrature(m, f, 1);
    }

    static double quadrature(Mixture m, MarginalLog f, int scratchSize) {
        int d = m.dim();
        if (d > 2) {
            throw Checks.fail("quadrature supports at most 2 dimensions, got %d", d);
        }
        double[] nodes = HERMITE[0];
        double[] weights = HERMITE[1];
        int q = nodes.length;
        double[] v = new double[d];
        double[] scratch = new double[scratchSize];
        double total = 0;
        for (int c = 0; c < m.components(); c++) {
            double[] mu = m.mean(c);
            double[][] s = m.covariance(c);
            double[] l = Mixture.choleskyOrNull(s, d);
            double acc = 0;
            if (d == 1) {
                for (int a = 0; a < q; a++) {
                    v[0] = mu[0] + l[0] * Math.sqrt(2) * nodes[a];
                    acc += weights[a] * f.at(v, scratch);
                }
                acc /= Math.sqrt(Math.PI);
            } else {
                for (int a = 0; a < q; a++) {
                    double ta = Math.sqrt(2) * nodes[a];
                    for (int b = 0; b < q; b++) {
                        double tb = Math.sqrt(2) * nodes[b];
                        v[0] = mu[0] + l[0] * ta;
                        v[1] = mu[1] + l[2] * ta + l[3] * tb;
                        double w = weights[a] * weights[b];
                        if (w < 1e-300) {
                            continue;
                        }
                        acc += w * f.at(v, scratch);
                    }
                }
                acc /= Math.PI;
            }
            total += m.weight(c) * acc;
        }
        return total;
    }

    private static double[] logDensities(Mixture m, double[] s, int n, int stride, int[] cols) {
        int k = cols.length;
        double[] g = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                g[i * k + j] = s[i * stride + cols[j]];
            }
        }
        return m.logDensities(g, n);
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
