package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;
import io.mist.core.ConditionalMutualInformationEstimator;
import io.mist.core.MIEstimate;
import io.mist.core.internal.Parallel;
import io.mist.core.internal.RandomStream;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * GMM-MI: mutual information with an uncertainty from Gaussian mixtures fitted to the joint data and
 * bootstrap refits (Piras, Peiris, Pontzen, Lucie-Smith, Guo and Nord 2023, "A robust estimator of mutual
 * information for deep learning interpretability", Machine Learning: Science and Technology 4, 025006).
 *
 * <ol>
 *   <li>Fit full-covariance mixtures to {@code v = [x, y]} by EM ({@link EmFitter}), choosing the number of
 *       components by cross-validated log-likelihood (or AIC/BIC) with patience ({@link ComponentSelection})
 *       and the best of {@code n_inits} initialisations ({@link InitType}).</li>
 *   <li>Refit the chosen mixture, warm-started from the full-data fit of the best initialisation, on
 *       {@code n_bootstrap} bootstrap resamples, in parallel on a pool local to the call.</li>
 *   <li>For each refit, {@code I = E_p[log p(x,y) - log p(x) - log p(y)]} with the marginal mixtures, by
 *       Monte Carlo or quadrature ({@link MixtureInformation}); value = mean, standard error = standard
 *       deviation over refits ({@code n_bootstrap < 1}: one fit, no error).</li>
 * </ol>
 * Beyond the original: x and y of any dimension; {@code I(X;Y|Z)} from one mixture over {@code [x, y, z]};
 * a categorical x (or y, built with {@link Samples#ofDiscrete}) against a continuous partner, with one
 * mixture per category ({@link #estimateCategorical}); the KL divergence between the two marginals
 * (option {@code kl}). The estimate is neither a lower nor an upper bound: it is the MI of the fitted
 * density, consistent when the data are a finite Gaussian mixture.
 */
public final class GmmEstimator implements ConditionalMutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "gmm";

    /**
     * Largest {@code reg_covar} as a fraction of a column's variance: at 1e-2 it shrinks a correlation by
     * at most 1 %; beyond it the regularisation, not the data, sets the fitted covariance.
     */
    public static final double MAX_REG_COVAR_FRACTION = 1e-2;

    private final GmmConfig config;
    private final long seed;

    /** An estimator with {@code config} and {@code seed}. */
    public GmmEstimator(GmmConfig config, long seed) {
        this.config = Checks.notNull("config", config);
        this.seed = seed;
    }

    /** An estimator with GMM-MI's defaults. */
    public GmmEstimator(long seed) {
        this(GmmConfig.defaults(), seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return seed;
    }

    /** The settings. */
    public GmmConfig config() {
        return config;
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        long t0 = System.nanoTime();
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        if (x.isDiscrete() != y.isDiscrete()) {
            MIEstimate r = x.isDiscrete() ? estimateCategorical(x, y) : estimateCategorical(y, x);
            return r.toBuilder().shape(x, y).build();
        }
        if (config.kl() != GmmConfig.Kl.NONE) {
            throw Checks.invalid("kl", "kl=%s asks for a KL divergence, which is not an MI estimate: call "
                    + "GmmEstimator.klDivergence(x, y) (on the command line: mist estimate --estimator gmm "
                    + "--option kl=%s)", config.kl().label(), config.kl().label());
        }
        Fit fit = fitInternal(x, y, null);
        MIEstimate r = fit.model.estimate(config.integral(), config.mcSamples(), Seeds.derive(seed, RandomStream.GMM_MONTE_CARLO, 0),
                config.threads());
        return finish(r, fit.diagnostics, t0);
    }

    /**
     * The KL divergence between the marginals of the fitted joint mixture of {@code [x, y]} in the direction
     * of option {@code kl} ({@code forward}: {@code KL(p_x || p_y)}, {@code reverse}: {@code KL(p_y || p_x)}),
     * averaged over the bootstrap refits as MI is. x and y need the same dimension.
     *
     * @throws io.mist.core.InvalidOptionException naming {@code kl} when it is {@code none}
     */
    public KlEstimate klDivergence(Samples x, Samples y) {
        long t0 = System.nanoTime();
        Checks.sameRows("x", x, "y", y);
        if (config.kl() == GmmConfig.Kl.NONE) {
            throw Checks.invalid("kl", "klDivergence needs option kl=forward or kl=reverse, got none");
        }
        Fit fit = fitInternal(x, y, null);
        KlEstimate k = fit.model.klDivergence(config.kl(), config.integral(), config.mcSamples(),
                Seeds.derive(seed, RandomStream.GMM_MONTE_CARLO, 0), config.threads());
        List<String> notes = new ArrayList<>(k.diagnostics());
        notes.addAll(fit.diagnostics);
        return new KlEstimate(k.direction(), k.value(), k.standardError(), k.n(), k.dx(), k.dy(), k.seed(), notes,
                (System.nanoTime() - t0) * 1e-9);
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y, Samples z) {
        long t0 = System.nanoTime();
        Checks.notNull("z", z);
        Checks.sameRows("x", x, "y", y);
        Checks.sameRows("x", x, "z", z);
        if (config.kl() != GmmConfig.Kl.NONE) {
            throw Checks.invalid("kl", "kl: not available for conditional MI");
        }
        if (config.integral() == GmmConfig.Integral.QUAD) {
            throw Checks.fail("integral=quad is not available for conditional MI; use integral=mc");
        }
        Fit fit = fitInternal(x, y, z);
        MIEstimate r = fit.model.estimate(GmmConfig.Integral.MC, config.mcSamples(), Seeds.derive(seed, RandomStream.GMM_MONTE_CARLO, 0),
                config.threads());
        return finish(r, fit.diagnostics, t0);
    }

    /**
     * Chooses, fits and bootstraps the joint mixture of {@code [x, y]} without integrating, so that MI can be
     * (re-)estimated or the model saved and plotted.
     */
    public FittedGmm fit(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        return fitInternal(x, y, null).model;
    }

    /** As {@link #fit(Samples, Samples)} for the mixture over {@code [x, y, z]}. */
    public FittedGmm fit(Samples x, Samples y, Samples z) {
        Checks.sameRows("x", x, "y", y);
        Checks.sameRows("x", x, "z", z);
        return fitInternal(x, y, z).model;
    }

    /**
     * I(C;Y) between a categorical {@code c} (one integer-coded column) and a continuous {@code y}: one mixture
     * per category, chosen and fitted as for MI, {@code P(c)} the category frequencies, and
     * {@code I = sum_c P(c) E_{p(y|c)}[log p(y|c) - log sum_c' P(c') p(y|c')]} (Piras et al. 2023, appendix).
     * The bootstrap resamples rows within each category (a stratified bootstrap: {@code P(c)} fixed).
     */
    public MIEstimate estimateCategorical(Samples c, Samples y) {
        long t0 = System.nanoTime();
        Checks.notNull("c", c);
        Checks.notNull("y", y);
        Checks.sameRows("c", c, "y", y);
        if (c.dim() != 1) {
            throw Checks.fail("c: the categorical variable must be one column, got %d", c.dim());
        }
        c.requireIntegers("c");
        requireScaleAboveRegCovar("y", y);
        if (config.kl() != GmmConfig.Kl.NONE) {
            throw Checks.invalid("kl", "kl: not available for categorical MI");
        }
        int n = y.n();
        int d = y.dim();
        TreeMap<Long, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(Math.round(c.get(i, 0)), k -> new ArrayList<>()).add(i);
        }
        if (groups.size() < 2) {
            throw Checks.fail("c: needs at least 2 categories, got %d", groups.size());
        }
        int cats = groups.size();
        double[] priors = new double[cats];
        double[][] data = new double[cats][];
        int[] sizes = new int[cats];
        long[] labels = new long[cats];
        int ci = 0;
        for (var e : groups.entrySet()) {
            List<Integer> rows = e.getValue();
            labels[ci] = e.getKey();
            sizes[ci] = rows.size();
            priors[ci] = (double) rows.size() / n;
            data[ci] = new double[rows.size() * d];
            for (int r = 0; r < rows.size(); r++) {
                for (int j = 0; j < d; j++) {
                    data[ci][r * d + j] = y.get(rows.get(r), j);
                }
            }
            if (rows.size() < 2 * config.nFolds()) {
                throw Checks.fail("c: category %d has %d samples; gmm needs at least %d per category", e.getKey(),
                        rows.size(), 2 * config.nFolds());
            }
            ci++;
        }
        List<String> diag = new ArrayList<>();
        Mixture[] models = new Mixture[cats];
        try (Parallel w = Parallel.open(config.threads())) {
            for (int k = 0; k < cats; k++) {
                long catSeed = Seeds.derive(seed, RandomStream.GMM_CATEGORY, k);
                ComponentSelection.Outcome sel = ComponentSelection.select(data[k], sizes[k], d, config, catSeed, w);
                for (String s : sel.diagnostics()) {
                    diag.add("category " + labels[k] + ": " + s);
                }
                models[k] = finalFit(data[k], sizes[k], d, sel, catSeed, diag);
                diag.add(Checks.format("category %d: %d components (P = %.4f)", labels[k], sel.components(),
                        priors[k]));
            }
            int b = config.nBootstrap();
            List<List<Mixture>> sets = new ArrayList<>();
            if (b < 1) {
                sets.add(List.of(models));
            } else {
                sets = w.map(b, rep -> {
                    UniformRandomProvider rng = Seeds.rng(seed, RandomStream.GMM_BOOTSTRAP, rep);
                    List<Mixture> ms = new ArrayList<>();
                    for (int k = 0; k < cats; k++) {
                        ms.add(refit(data[k], sizes[k], d, models[k], rng));
                    }
                    return ms;
                });
            }
            List<List<Mixture>> fsets = sets;
            long mcSeed = Seeds.derive(seed, RandomStream.GMM_MONTE_CARLO, 0);
            List<Double> vals = w.map(fsets.size(), rep -> MixtureInformation.categoricalMutualInformation(priors,
                    fsets.get(rep), config.integral(), config.mcSamples(), Seeds.rng(mcSeed, rep)));
            double mean = 0;
            for (double v : vals) {
                mean += v;
            }
            mean /= vals.size();
            MIEstimate.Builder r = MIEstimate.builder(NAME, mean).shape(n, c.dim(), y.dim()).seed(seed);
            if (vals.size() > 1) {
                double ss = 0;
                for (double v : vals) {
                    ss += (v - mean) * (v - mean);
                }
                r.standardError(Math.sqrt(ss / (vals.size() - 1))).uncertaintyScheme(ResamplingScheme.BOOTSTRAP)
                        .diagnostic(Checks.format("categorical MI: mean and standard deviation over %d stratified "
                                + "bootstrap refits", vals.size()));
            } else {
                r.uncertaintyScheme(ResamplingScheme.NONE).diagnostic("categorical MI of a single fit (no error)");
            }
            return finish(r.build(), diag, t0);
        }
    }

    private static MIEstimate finish(MIEstimate r, List<String> diagnostics, long t0) {
        MIEstimate.Builder b = r.toBuilder();
        for (String d : diagnostics) {
            b.diagnostic(d);
        }
        return b.seconds((System.nanoTime() - t0) * 1e-9).build();
    }

    private static final class Fit {
        final FittedGmm model;
        final List<String> diagnostics;

        Fit(FittedGmm model, List<String> diagnostics) {
            this.model = model;
            this.diagnostics = diagnostics;
        }
    }

    /**
     * Requires varying columns ({@link Samples#requireVaryingColumns}) whose variance is large against
     * {@code reg_covar}: at {@code reg_covar} above {@link #MAX_REG_COVAR_FRACTION} of a column's variance
     * the regularisation, not the data, sets the covariance (data scaled by 1e-150 gave MI 0.000 +/- 0.000).
     */
    private void requireScaleAboveRegCovar(String name, Samples s) {
        double[] sd = s.requireVaryingColumns(name);
        for (int j = 0; j < sd.length; j++) {
            double variance = sd[j] * sd[j];
            if (!(config.regCovar() <= MAX_REG_COVAR_FRACTION * variance)) {
                throw Checks.fail("%s: column %d has variance %.3g, too small against reg_covar = %.3g (which would "
                        + "replace the data's covariance and give MI near 0); multiply the data by a constant "
                        + "scale or lower reg_covar", name, j, variance, config.regCovar());
            }
        }
    }

    private Fit fitInternal(Samples x, Samples y, Samples z) {
        requireScaleAboveRegCovar("x", x);
        requireScaleAboveRegCovar("y", y);
        Samples v = Samples.concat(x, y);
        if (z != null) {
            requireScaleAboveRegCovar("z", z);
            v = Samples.concat(v, z);
        }
        if (config.kl() != GmmConfig.Kl.NONE && x.dim() != y.dim()) {
            throw Checks.invalid("kl", "kl: x and y must have the same dimension, got dx = %d, dy = %d", x.dim(),
                    y.dim());
        }
        if (config.integral() == GmmConfig.Integral.QUAD && (x.dim() != 1 || y.dim() != 1)) {
            throw Checks.fail("integral=quad needs 1-D x and 1-D y, got dx = %d, dy = %d; use integral=mc",
                    x.dim(), y.dim());
        }
        int n = v.n();
        int d = v.dim();
        double[] data = v.toRowMajor();
        List<String> diag = new ArrayList<>();
        try (Parallel w = Parallel.open(config.threads())) {
            ComponentSelection.Outcome sel = ComponentSelection.select(data, n, d, config, seed, w);
            diag.addAll(sel.diagnostics());
            diag.add(Checks.format("%d components chosen by %s (per-sample scores %s)", sel.components(),
                    config.fixedComponents() > 0 ? "fixed_components" : config.metric().label(),
                    ComponentSelection.describe(sel.scores(),
                            config.fixedComponents() > 0 ? config.fixedComponents() : 1)));
            Mixture model = finalFit(data, n, d, sel, seed, diag);
            List<Mixture> boots = new ArrayList<>();
            if (config.nBootstrap() >= 1) {
                List<Object[]> fits = w.map(config.nBootstrap(), b -> {
                    UniformRandomProvider rng = Seeds.rng(seed, RandomStream.GMM_BOOTSTRAP, b);
                    List<String> local = new ArrayList<>();
                    Mixture m = refit(data, n, d, model, rng, local);
                    return new Object[] {m, local};
                });
                java.util.Set<String> seen = new java.util.LinkedHashSet<>();
                for (Object[] f : fits) {
                    boots.add((Mixture) f[0]);
                    @SuppressWarnings("unchecked")
                    List<String> local = (List<String>) f[1];
                    seen.addAll(local);
                }
                for (String s : seen) {
                    diag.add("bootstrap: " + s);
                }
            }
            FittedGmm fitted = new FittedGmm(x.dim(), y.dim(), z == null ? 0 : z.dim(), n, seed, model, boots,
                    sel.scores());
            return new Fit(fitted, diag);
        }
    }

    private Mixture finalFit(double[] data, int n, int d, ComponentSelection.Outcome sel, long fitSeed,
            List<String> diag) {
        Mixture start = config.initType().initial(data, n, d, sel.components(), config.scale(), config.regCovar(),
                Seeds.rng(ComponentSelection.initSeed(fitSeed, sel.components(), sel.bestInit()), config.nFolds()));
        EmFitter.Result f = EmFitter.fit(data, n, d, start, config.regCovar(), config.thresholdFit(),
                config.maxIter());
        diag.addAll(f.diagnostics());
        if (!f.converged()) {
            diag.add(Checks.format("the full-data fit stopped at max_iter = %d before threshold_fit", config.maxIter()));
        }
        return f.mixture();
    }

    private Mixture refit(double[] data, int n, int d, Mixture start, UniformRandomProvider rng) {
        return refit(data, n, d, start, rng, new ArrayList<>());
    }

    private Mixture refit(double[] data, int n, int d, Mixture start, UniformRandomProvider rng, List<String> diag) {
        double[] boot = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, rng.nextInt(n) * d, boot, i * d, d);
        }
        EmFitter.Result f = EmFitter.fit(boot, n, d, start, config.regCovar(), config.thresholdFit(),
                config.maxIter());
        diag.addAll(f.diagnostics());
        if (!f.converged()) {
            diag.add(Checks.format("a refit stopped at max_iter = %d before threshold_fit", config.maxIter()));
        }
        return f.mixture();
    }
}
