package io.mist.estimators.gmm;

import static io.mist.registry.OptionSchema.choiceOption;
import static io.mist.registry.OptionSchema.doubleOption;
import static io.mist.registry.OptionSchema.intOption;
import static io.mist.registry.OptionSchema.threadsOption;

import io.mist.core.internal.Checks;
import io.mist.registry.OptionSchema;

import java.util.Locale;

/**
 * Settings of {@link GmmEstimator}, defaults as in GMM-MI (Piras et al. 2023). Build with
 * {@link #builder()}; every value is validated in the constructor (the builder only calls it). The options,
 * with their defaults, are described once in {@link #SCHEMA}.
 *
 * @param nInits initialisations per number of components ({@code n_inits}, 3)
 * @param nFolds cross-validation folds ({@code n_folds}, 2; at least 2)
 * @param metric component-selection score ({@code metric}, valid)
 * @param thresholdFit EM tolerance on the mean log-likelihood ({@code threshold_fit}, 1e-5)
 * @param thresholdComponents smallest per-sample improvement of the score that adds a component
 *     ({@code threshold_components}, 1e-5)
 * @param regCovar added to covariance diagonals ({@code reg_covar}, 1e-15)
 * @param maxIter EM iterations cap ({@code max_iter}, 10,000)
 * @param maxComponents component search cap ({@code max_components}, 50)
 * @param fixedComponents a fixed number of components, skipping the search ({@code fixed_components}, 0 =
 *     search)
 * @param patience consecutive non-improving steps that end the search ({@code patience}, 1)
 * @param initType EM initialisation ({@code init_type}, random_sklearn)
 * @param scale width {@code s} of the {@code random}, {@code minmax} and {@code randomized_kmeans}
 *     initialisations, in data units ({@code scale}, 0 = GMM-MI's automatic value; see {@link InitType})
 * @param nBootstrap bootstrap refits ({@code n_bootstrap}, 50; below 1: a single fit, no error)
 * @param mcSamples Monte Carlo samples per MI integral ({@code mc_samples}, 100,000)
 * @param integral how the MI integral is computed ({@code integral}, mc)
 * @param threads worker threads for fits, local to each call ({@code threads}, 0 = all cores, resolved here)
 * @param kl a KL divergence between the marginals instead of MI ({@code kl}, none): not an MI estimate, so
 *     {@link GmmEstimator#estimate} rejects it; {@link GmmEstimator#klDivergence} reports it
 */
public record GmmConfig(int nInits, int nFolds, Metric metric, double thresholdFit, double thresholdComponents,
        double regCovar, int maxIter, int maxComponents, int fixedComponents, int patience, InitType initType,
        double scale, int nBootstrap, int mcSamples, Integral integral, int threads, Kl kl) {

    /** Default {@code n_inits}. */
    public static final int DEFAULT_N_INITS = 3;
    /** Default {@code n_folds}. */
    public static final int DEFAULT_N_FOLDS = 2;
    /** Default {@code metric}. */
    public static final Metric DEFAULT_METRIC = Metric.VALID;
    /** Default {@code threshold_fit}. */
    public static final double DEFAULT_THRESHOLD_FIT = 1e-5;
    /** Default {@code threshold_components}. */
    public static final double DEFAULT_THRESHOLD_COMPONENTS = 1e-5;
    /** Default {@code reg_covar}. */
    public static final double DEFAULT_REG_COVAR = 1e-15;
    /** Default {@code max_iter}. */
    public static final int DEFAULT_MAX_ITER = 10_000;
    /** Default {@code max_components}. */
    public static final int DEFAULT_MAX_COMPONENTS = 50;
    /** Default {@code fixed_components} (0 = search). */
    public static final int DEFAULT_FIXED_COMPONENTS = 0;
    /** Default {@code patience}. */
    public static final int DEFAULT_PATIENCE = 1;
    /** Default {@code init_type}. */
    public static final InitType DEFAULT_INIT_TYPE = InitType.RANDOM_SKLEARN;
    /** Default {@code scale} (0 = automatic). */
    public static final double DEFAULT_SCALE = 0.0;
    /** Default {@code n_bootstrap}. */
    public static final int DEFAULT_N_BOOTSTRAP = 50;
    /** Default {@code mc_samples}. */
    public static final int DEFAULT_MC_SAMPLES = 100_000;
    /** Default {@code integral}. */
    public static final Integral DEFAULT_INTEGRAL = Integral.MC;
    /** Default {@code kl}. */
    public static final Kl DEFAULT_KL = Kl.NONE;
    /** The option name of the bootstrap refits (the estimator's own uncertainty). */
    public static final String N_BOOTSTRAP = "n_bootstrap";

    /** The options of {@code gmm} (GMM-MI's names). */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            intOption("n_inits", DEFAULT_N_INITS, "initialisations per number of components", Builder::nInits),
            intOption("n_folds", DEFAULT_N_FOLDS, "cross-validation folds for metric=valid", Builder::nFolds),
            choiceOption("metric", DEFAULT_METRIC, "component selection score", Metric::label, Builder::metric),
            doubleOption("threshold_fit", DEFAULT_THRESHOLD_FIT, "EM tolerance on the mean log-likelihood",
                    Builder::thresholdFit),
            doubleOption("threshold_components", DEFAULT_THRESHOLD_COMPONENTS,
                    "smallest per-sample score gain that adds a component", Builder::thresholdComponents),
            doubleOption("reg_covar", DEFAULT_REG_COVAR, "added to every covariance diagonal", Builder::regCovar),
            intOption("max_iter", DEFAULT_MAX_ITER, "EM iteration cap", Builder::maxIter),
            intOption("max_components", DEFAULT_MAX_COMPONENTS, "component search cap", Builder::maxComponents),
            intOption("fixed_components", DEFAULT_FIXED_COMPONENTS, "fixed number of components (0 = search)",
                    Builder::fixedComponents),
            intOption("patience", DEFAULT_PATIENCE, "non-improving steps that end the search", Builder::patience),
            choiceOption("init_type", DEFAULT_INIT_TYPE, "EM initialisation", InitType::label, Builder::initType),
            doubleOption("scale", DEFAULT_SCALE,
                    "width of random/minmax/randomized_kmeans inits in data units (0 = automatic, as GMM-MI)",
                    Builder::scale),
            intOption(N_BOOTSTRAP, DEFAULT_N_BOOTSTRAP, "bootstrap refits (< 1: single fit, no error)",
                    Builder::nBootstrap),
            intOption("mc_samples", DEFAULT_MC_SAMPLES, "Monte Carlo samples per MI integral", Builder::mcSamples),
            choiceOption("integral", DEFAULT_INTEGRAL, "MI integral (quad: 1-D x and y)", Integral::label,
                    Builder::integral),
            threadsOption(Builder::threads),
            choiceOption("kl", DEFAULT_KL,
                    "report KL(p_x||p_y) (forward) or KL(p_y||p_x) instead of MI (mist estimate only; own result)",
                    Kl::label, Builder::kl));

    /** Validates every setting and resolves {@code threads = 0} to all cores. */
    public GmmConfig {
        Checks.atLeast("n_inits", nInits, 1);
        Checks.atLeast("n_folds", nFolds, 2);
        Checks.notNull("metric", metric);
        Checks.positive("threshold_fit", thresholdFit);
        Checks.nonNegative("threshold_components", thresholdComponents);
        Checks.nonNegative("reg_covar", regCovar);
        Checks.finite("reg_covar", regCovar);
        Checks.atLeast("max_iter", maxIter, 1);
        Checks.atLeast("max_components", maxComponents, 1);
        Checks.atLeast("fixed_components", fixedComponents, 0);
        Checks.atLeast("patience", patience, 1);
        Checks.notNull("init_type", initType);
        Checks.nonNegative("scale", scale);
        Checks.atLeast("mc_samples", mcSamples, 100);
        Checks.notNull("integral", integral);
        threads = Checks.threads("threads", threads);
        Checks.notNull("kl", kl);
    }

    /** The GMM-MI defaults. */
    public static GmmConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nInits = nInits;
        b.nFolds = nFolds;
        b.metric = metric;
        b.thresholdFit = thresholdFit;
        b.thresholdComponents = thresholdComponents;
        b.regCovar = regCovar;
        b.maxIter = maxIter;
        b.maxComponents = maxComponents;
        b.fixedComponents = fixedComponents;
        b.patience = patience;
        b.initType = initType;
        b.scale = scale;
        b.nBootstrap = nBootstrap;
        b.mcSamples = mcSamples;
        b.integral = integral;
        b.threads = threads;
        b.kl = kl;
        return b;
    }

    /** Component-selection score. */
    public enum Metric {
        /** Mean held-out log-likelihood over {@code n_folds} cross-validation folds (higher is better). */
        VALID,
        /** Akaike: {@code 2 p - 2 log L} on the whole data (lower is better). */
        AIC,
        /** Schwarz: {@code p log n - 2 log L} on the whole data (lower is better). */
        BIC;

        /** Option spelling. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses an option spelling. */
        public static Metric parse(String s) {
            for (Metric m : values()) {
                if (m.label().equals(s)) {
                    return m;
                }
            }
            throw Checks.invalid("metric", "metric: unknown value '%s'; expected valid, aic or bic", s);
        }
    }

    /** How the MI integral of a fitted mixture is computed. */
    public enum Integral {
        /** Monte Carlo over samples drawn from the mixture. */
        MC,
        /** Gauss-Hermite quadrature per component (1-D x and 1-D y only). */
        QUAD;

        /** Option spelling. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses an option spelling. */
        public static Integral parse(String s) {
            for (Integral m : values()) {
                if (m.label().equals(s)) {
                    return m;
                }
            }
            throw Checks.invalid("integral", "integral: unknown value '%s'; expected mc or quad", s);
        }
    }

    /** Which quantity {@link GmmEstimator#estimate} reports. */
    public enum Kl {
        /** Mutual information. */
        NONE,
        /** {@code KL(p_x || p_y)} between the two marginals of the joint mixture. */
        FORWARD,
        /** {@code KL(p_y || p_x)}. */
        REVERSE;

        /** Option spelling. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses an option spelling. */
        public static Kl parse(String s) {
            for (Kl m : values()) {
                if (m.label().equals(s)) {
                    return m;
                }
            }
            throw Checks.invalid("kl", "kl: unknown value '%s'; expected none, forward or reverse", s);
        }
    }

    /** Mutable builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private int nInits = DEFAULT_N_INITS;
        private int nFolds = DEFAULT_N_FOLDS;
        private Metric metric = DEFAULT_METRIC;
        private double thresholdFit = DEFAULT_THRESHOLD_FIT;
        private double thresholdComponents = DEFAULT_THRESHOLD_COMPONENTS;
        private double regCovar = DEFAULT_REG_COVAR;
        private int maxIter = DEFAULT_MAX_ITER;
        private int maxComponents = DEFAULT_MAX_COMPONENTS;
        private int fixedComponents = DEFAULT_FIXED_COMPONENTS;
        private int patience = DEFAULT_PATIENCE;
        private InitType initType = DEFAULT_INIT_TYPE;
        private double scale = DEFAULT_SCALE;
        private int nBootstrap = DEFAULT_N_BOOTSTRAP;
        private int mcSamples = DEFAULT_MC_SAMPLES;
        private Integral integral = DEFAULT_INTEGRAL;
        private int threads = OptionSchema.ALL_CORES;
        private Kl kl = DEFAULT_KL;

        private Builder() {
        }

        /** {@code n_inits}. */
        public Builder nInits(int v) {
            nInits = v;
            return this;
        }

        /** {@code n_folds}. */
        public Builder nFolds(int v) {
            nFolds = v;
            return this;
        }

        /** {@code metric}. */
        public Builder metric(Metric v) {
            metric = v;
            return this;
        }

        /** {@code threshold_fit}. */
        public Builder thresholdFit(double v) {
            thresholdFit = v;
            return this;
        }

        /** {@code threshold_components}. */
        public Builder thresholdComponents(double v) {
            thresholdComponents = v;
            return this;
        }

        /** {@code reg_covar}. */
        public Builder regCovar(double v) {
            regCovar = v;
            return this;
        }

        /** {@code max_iter}. */
        public Builder maxIter(int v) {
            maxIter = v;
            return this;
        }

        /** {@code max_components}. */
        public Builder maxComponents(int v) {
            maxComponents = v;
            return this;
        }

        /** {@code fixed_components} (0 = search). */
        public Builder fixedComponents(int v) {
            fixedComponents = v;
            return this;
        }

        /** {@code patience}. */
        public Builder patience(int v) {
            patience = v;
            return this;
        }

        /** {@code init_type}. */
        public Builder initType(InitType v) {
            initType = v;
            return this;
        }

        /** {@code scale} (0 = automatic, see {@link InitType}). */
        public Builder scale(double v) {
            scale = v;
            return this;
        }

        /** {@code n_bootstrap} (below 1: single fit). */
        public Builder nBootstrap(int v) {
            nBootstrap = v;
            return this;
        }

        /** {@code mc_samples}. */
        public Builder mcSamples(int v) {
            mcSamples = v;
            return this;
        }

        /** {@code integral}. */
        public Builder integral(Integral v) {
            integral = v;
            return this;
        }

        /** {@code threads}. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** {@code kl}. */
        public Builder kl(Kl v) {
            kl = v;
            return this;
        }

        /** The validated config. */
        public GmmConfig build() {
            return new GmmConfig(nInits, nFolds, metric, thresholdFit, thresholdComponents, regCovar, maxIter,
                    maxComponents, fixedComponents, patience, initType, scale, nBootstrap, mcSamples, integral,
                    threads, kl);
        }
    }
}
