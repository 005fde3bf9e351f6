package io.mist.examples;

import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.estimators.gmm.GmmConfig;
import io.mist.estimators.gmm.GmmEstimator;
import io.mist.estimators.gmm.KlEstimate;
import io.mist.tasks.DiscreteContinuousTask;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.Locale;

/**
 * GMM-MI from start to end, each step against an exact value:
 * <ol>
 *   <li>MI with its bootstrap standard error and the fitted model's contour plot ({@link GmmPlotExample});</li>
 *   <li>conditional MI: X and Y share a common cause Z ({@code X = Z + e1}, {@code Y = Z + e2}, unit variances),
 *       so {@code I(X;Y) = -ln(1 - 1/4) / 2 = 0.1438} but {@code I(X;Y|Z) = 0};</li>
 *   <li>categorical MI: a category C and a continuous Y ({@link DiscreteContinuousTask}, exact MI by quadrature),
 *       one mixture per category;</li>
 *   <li>KL divergence between the marginals: {@code x ~ N(0, 1)}, {@code y ~ N(1, 1.5^2)},
 *       {@code KL(p_x || p_y) = ln(1.5) + (1 + 1) / (2 * 2.25) - 1/2 = 0.3499}.</li>
 * </ol>
 *
 * <p>Arguments (all optional): {@code file} (default {@code gmm-fit.png}), {@code n} (default 2000),
 * {@code seed} (default 1).
 */
public final class GmmWalkthroughExample {
    /** Exact I(X;Y) of the common-cause model. */
    static final double COMMON_CAUSE_MI = -0.5 * Math.log(1 - 0.25);
    /** Exact KL(N(0, 1) || N(1, 1.5^2)). */
    static final double KL_TRUTH = Math.log(1.5) + 2 / (2 * 2.25) - 0.5;
    private static final int BOOTSTRAP = 10;
    private static final int MC_SAMPLES = 20_000;

    private GmmWalkthroughExample() {
    }

    /**
     * The outcome.
     *
     * @param fit step 1: MI, standard error and plot of the bivariate Gaussian
     * @param marginal step 2: I(X;Y) of the common-cause model (truth {@link #COMMON_CAUSE_MI})
     * @param conditional step 2: I(X;Y|Z) (truth 0)
     * @param categorical step 3: I(C;Y)
     * @param categoricalTruth step 3: its exact value
     * @param kl step 4: KL(p_x || p_y) (truth {@link #KL_TRUTH})
     */
    public record Result(GmmPlotExample.Result fit, MIEstimate marginal, MIEstimate conditional,
            MIEstimate categorical, double categoricalTruth, KlEstimate kl) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "1. MI           %.4f +/- %.4f nats (truth %.4f), %d component(s), plot %s%n",
                r.fit().estimate().value(), r.fit().estimate().standardError(), r.fit().truth(),
                r.fit().components(), r.fit().plot());
        System.out.printf(Locale.ROOT, "2. I(X;Y)       %.4f +/- %.4f nats (truth %.4f)%n", r.marginal().value(),
                r.marginal().standardError(), COMMON_CAUSE_MI);
        System.out.printf(Locale.ROOT, "   I(X;Y|Z)     %.4f +/- %.4f nats (truth 0)%n", r.conditional().value(),
                r.conditional().standardError());
        System.out.printf(Locale.ROOT, "3. I(C;Y)       %.4f +/- %.4f nats (truth %.4f)%n", r.categorical().value(),
                r.categorical().standardError(), r.categoricalTruth());
        System.out.printf(Locale.ROOT, "4. KL(px||py)   %.4f +/- %.4f nats (truth %.4f)%n", r.kl().value(),
                r.kl().standardError(), KL_TRUTH);
    }

    /** Runs the four steps and returns their results. */
    public static Result runExample(String... args) {
        String file = args.length > 0 ? args[0] : "gmm-fit.png";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;

        GmmPlotExample.Result fit = GmmPlotExample.runExample(file, Integer.toString(n), "0.6", Long.toString(seed));
        GmmConfig config = GmmConfig.builder().nBootstrap(BOOTSTRAP).mcSamples(MC_SAMPLES).build();
        GmmEstimator gmm = new GmmEstimator(config, seed);

        // Z, X = Z + e1, Y = Z + e2: covariance of (X, Y, Z)
        double[][] cov = {{2, 1, 1}, {1, 2, 1}, {1, 1, 1}};
        TaskSample xyz = GaussianTask.of(cov, 1).sample(n, seed);
        Samples x = xyz.x();
        Samples y = Samples.of("y", xyz.y().column(0));
        Samples z = Samples.of("z", xyz.y().column(1));
        MIEstimate marginal = gmm.estimate(x, y);
        MIEstimate conditional = gmm.estimate(x, y, z);

        DiscreteContinuousTask labelled = DiscreteContinuousTask.of(3, 0.5);
        TaskSample cy = labelled.sample(n, seed);
        MIEstimate categorical = gmm.estimateCategorical(cy.x(), cy.y());

        TaskSample pair = GaussianTask.of(new double[][] {{1, 0}, {0, 1}}, 1).sample(n, seed + 1);
        double[] shifted = pair.y().column(0);
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = 1 + 1.5 * shifted[i];
        }
        KlEstimate kl = new GmmEstimator(config.toBuilder().kl(GmmConfig.Kl.FORWARD).build(), seed)
                .klDivergence(pair.x(), Samples.of("y", shifted));
        return new Result(fit, marginal, conditional, categorical, labelled.trueMutualInformation(), kl);
    }
}
