package io.mist.estimators.rmi;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.Statistics;
import io.mist.estimators.nonparametric.KlEntropyConfig;
import io.mist.estimators.nonparametric.KozachenkoLeonenkoEstimator;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Renormalized mutual information of a deterministic, continuous feature (Sarra, Aiello and Marquardt 2021,
 * "Renormalized Mutual Information for Artificial Scientific Discovery", Phys. Rev. Lett. 126, 200601;
 * arXiv:2005.01912). For {@code y = f(x)} with Jacobian {@code J(x) = df/dx} ({@code dy x dx}),
 *
 * <pre>{@code RMI(x; y) = H(y) - 1/2 E_x[ log det( J(x) J(x)^T ) ]}</pre>
 *
 * <p>in nats. Ordinary mutual information between x and a deterministic function of it is infinite; RMI is
 * the finite part left after removing the (feature-independent) divergence of a vanishing noise, and it is
 * invariant under reparametrisation of the feature ({@code y -> g(y)} for invertible smooth {@code g}), so it
 * ranks candidate features of the same dimension by how much of x they retain. For a 1-D feature of a 1-D x
 * it equals {@code H(x)} for every invertible f.
 *
 * <p>{@code H(y)} is the plug-in entropy of an equal-width histogram (1-D and 2-D features; 180 bins per axis
 * over the data's range by default, as the original) or, with {@code entropy=kl}, the Kozachenko-Leonenko
 * estimator. The log-determinant term is the mean over samples whose {@code J J^T} is not singular; the
 * singular ones are counted in the diagnostics (the original drops them silently) and more than
 * {@code max_singular_fraction} of them fail the call.
 *
 * <p>Inputs: feature values and Jacobians ({@link #estimate(FeatureJacobian)}), a {@link Feature} and the
 * samples of x ({@link #estimate(Samples, Feature)}), or, through the registry, x and the feature values
 * with the Jacobians read from the file of option {@code jacobian} ({@link #estimate(Samples, Samples)}).
 *
 * <p>Bound type: neither. Standard error: the delta-method error of the sample mean of the per-sample terms
 * {@code -log p_hist(y_i) - 1/2 log det(J_i J_i^T)} (histogram), or a bootstrap of the (feature, Jacobian)
 * pairs when replicates are asked for (the only error of {@code entropy=kl}). Uncertainty through the generic
 * wrapper is not used: it would resample x and y apart from the Jacobian file's rows.
 */
public final class RmiEstimator implements MutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "rmi";

    /** First-order plug-in bias of the histogram entropy above which a diagnostic says so (nats). */
    static final double UNDERSAMPLED_BIAS = 0.01;

    private final RmiConfig config;

    /** An estimator with the given settings. */
    public RmiEstimator(RmiConfig config) {
        this.config = Checks.notNull("config", config);
    }

    /** The settings. */
    public RmiConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    /**
     * RMI of the feature whose values are {@code y}, with the Jacobians read from the file of option
     * {@code jacobian} (shape {@code [n, dy, dx]}, n and dx those of x, dy that of y).
     *
     * @throws IllegalArgumentException if no Jacobian file was configured, or its shape does not match
     */
    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        if (config.jacobian().isEmpty()) {
            throw Checks.fail("rmi needs the Jacobian of the feature y = f(x): give option jacobian=J.npy "
                    + "(shape [n, dy, dx]) or use RmiEstimator.estimate with a Feature or FeatureJacobian");
        }
        Jacobians j = Jacobians.readNpy("jacobian", config.jacobian().get());
        if (j.n() != x.n() || j.dy() != y.dim() || j.dx() != x.dim()) {
            throw Checks.fail("jacobian: %s has shape [%d, %d, %d] but must be [n, dy, dx] = [%d, %d, %d] "
                    + "(n and dx from x, dy from y)", config.jacobian().get().getFileName(), j.n(), j.dy(),
                    j.dx(), x.n(), y.dim(), x.dim());
        }
        return estimate(new FeatureJacobian(y, j));
    }

    /** RMI of {@code feature} on the samples {@code x}. */
    public MIEstimate estimate(Samples x, Feature feature) {
        Checks.notNull("x", x);
        Checks.notNull("feature", feature);
        if (x.dim() != feature.inputDim()) {
            throw Checks.fail("x has %d columns but the feature takes %d inputs", x.dim(), feature.inputDim());
        }
        return estimate(feature.featureAndJacobian(x));
    }

    /** RMI from feature values and their Jacobians. */
    public MIEstimate estimate(FeatureJacobian fj) {
        Checks.notNull("feature", fj);
        long t0 = System.nanoTime();
        int n = fj.n();
        if (n < 2) {
            throw Checks.fail("rmi needs at least 2 samples, got n = %d", n);
        }
        Parts p = parts(fj);
        double value = p.entropy - 0.5 * p.meanLogDet;
        MIEstimate.Builder b = MIEstimate.builder(NAME, value).shape(n, fj.dx(), fj.dy()).seed(config.seed());
        double se = Double.NaN;
        if (config.replicates() >= 2) {
            double[] values = new double[config.replicates()];
            for (int r = 0; r < values.length; r++) {
                UniformRandomProvider rng = Seeds.rng(config.seed(), RandomStream.RMI_BOOTSTRAP, r);
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = rng.nextInt(n);
                }
                Parts q = parts(fj.rows(idx));
                values[r] = q.entropy - 0.5 * q.meanLogDet;
            }
            se = Statistics.standardDeviation(values);
            b.uncertaintyScheme(ResamplingScheme.BOOTSTRAP)
                    .diagnostic(Checks.format("standard error from %d bootstrap resamples of (feature, Jacobian) "
                            + "pairs", values.length));
        } else if (p.terms != null) {
            se = Statistics.standardDeviation(p.terms) / Math.sqrt(p.terms.length);
            b.diagnostic("standard error by the delta method (per-sample terms of the histogram estimate; the "
                    + "histogram's binning bias is not included)");
        }
        if (Double.isFinite(se)) {
            b.standardError(se);
        }
        for (String d : p.notes) {
            b.diagnostic(d);
        }
        return b.diagnostic(Checks.format("H(y) = %.6g nats, 1/2 E[log det(J J^T)] = %.6g nats", p.entropy,
                0.5 * p.meanLogDet)).seconds((System.nanoTime() - t0) / 1e9).build();
    }

    /** The two terms of the estimate and, for the histogram, the per-sample terms of its mean. */
    private record Parts(double entropy, double meanLogDet, double[] terms, List<String> notes) {
    }

    private Parts parts(FeatureJacobian fj) {
        int n = fj.n();
        Jacobians j = fj.jacobians();
        double[] logDet = new double[n];
        int singular = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            logDet[i] = j.logDetGram(i);
            if (logDet[i] == Double.NEGATIVE_INFINITY) {
                singular++;
            } else {
                sum += logDet[i];
            }
        }
        double fraction = singular / (double) n;
        if (singular == n || fraction > config.maxSingularFraction()) {
            throw Checks.fail("rmi: J J^T is singular at %d of %d samples (%.3g%%), more than "
                    + "max_singular_fraction = %s; the feature is not locally invertible there (dy > dx, or a flat "
                    + "or degenerate Jacobian)", singular, n, 100 * fraction, config.maxSingularFraction());
        }
        double meanLogDet = sum / (n - singular);
        List<String> notes = new ArrayList<>();
        if (singular > 0) {
            notes.add(Checks.format("%d of %d samples have a singular J J^T and were left out of the "
                    + "log-determinant mean", singular, n));
        }
        if (config.entropy() == EntropyMethod.KL) {
            double h = new KozachenkoLeonenkoEstimator(KlEntropyConfig.builder().k(config.k()).seed(config.seed())
                    .build()).estimate(fj.values()).value();
            notes.add(Checks.format("H(y) by Kozachenko-Leonenko, k = %d", config.k()));
            return new Parts(h, meanLogDet, null, notes);
        }
        HistogramEntropy.Result h = HistogramEntropy.estimate(fj.values(), config.bins(), config.range());
        notes.add(Checks.format("H(y) from a histogram of %d bins per axis (%s), %d occupied cells", config.bins(),
                config.range().map(r -> Checks.format("range %s,%s", r.lo(), r.hi())).orElse("data range"),
                h.occupiedCells()));
        double undersampling = (h.occupiedCells() - 1) / (2.0 * n);
        if (undersampling > UNDERSAMPLED_BIAS) {
            notes.add(Checks.format("the histogram is undersampled: %d occupied cells for %d samples bias H(y) down "
                    + "by about (cells - 1) / (2n) = %.3g nats; use fewer bins, more samples or entropy=kl",
                    h.occupiedCells(), n, undersampling));
        }
        double[] terms = new double[n - singular];
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (logDet[i] != Double.NEGATIVE_INFINITY) {
                terms[t++] = h.terms()[i] - 0.5 * logDet[i];
            }
        }
        return new Parts(h.value(), meanLogDet, terms, notes);
    }
}
