package io.mist.examples;

import io.mist.core.MIEstimate;
import io.mist.estimators.gmm.FittedGmm;
import io.mist.estimators.gmm.GmmConfig;
import io.mist.estimators.gmm.GmmEstimator;
import io.mist.plot.GmmPlots;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Fits GMM-MI to correlated Gaussians (exact MI {@code -ln(1 - rho^2) / 2}), estimates MI from the fitted
 * mixture with bootstrap refits, and draws the fit with {@code mist-plot}: the data with each component's
 * 1-sigma ellipse next to density contours of data and model, as a PNG.
 *
 * <p>Arguments (all optional): {@code file} (default {@code gmm-fit.png}), {@code n} (default 2000),
 * {@code rho} (default 0.6), {@code seed} (default 1).
 */
public final class GmmPlotExample {
    private static final int BOOTSTRAP = 10;

    private GmmPlotExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats
     * @param estimate MI of the fitted mixture, with the bootstrap standard error
     * @param components number of mixture components chosen
     * @param plot the PNG written
     */
    public record Result(double truth, MIEstimate estimate, int components, Path plot) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "truth  %.4f nats%n", r.truth());
        System.out.printf(Locale.ROOT, "gmm    %.4f nats +/- %.4f, %d component(s)%n", r.estimate().value(),
                r.estimate().standardError(), r.components());
        System.out.printf(Locale.ROOT, "plot   %s%n", r.plot());
    }

    /** Samples the task, fits, estimates, plots, and returns the result. */
    public static Result runExample(String... args) {
        Path file = Path.of(args.length > 0 ? args[0] : "gmm-fit.png");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        double rho = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;

        GaussianTask task = GaussianTask.bivariate(rho);
        TaskSample data = task.sample(n, seed);
        GmmEstimator gmm = new GmmEstimator(GmmConfig.builder().nBootstrap(BOOTSTRAP).build(), seed);
        FittedGmm fit = gmm.fit(data.x(), data.y());
        MIEstimate estimate = fit.estimate(GmmConfig.Integral.QUAD, 0, seed, 1);
        GmmPlots.write(fit, data.x(), data.y(), file);
        return new Result(task.trueMutualInformation(), estimate, fit.components(), file);
    }
}
