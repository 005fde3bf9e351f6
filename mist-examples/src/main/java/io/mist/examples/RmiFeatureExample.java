package io.mist.examples;

import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.estimators.rmi.ExtractedFeature;
import io.mist.estimators.rmi.ExtractionConfig;
import io.mist.estimators.rmi.FeatureExtraction;
import io.mist.estimators.rmi.FunctionFeature;
import io.mist.estimators.rmi.RmiConfig;
import io.mist.estimators.rmi.RmiEstimator;
import io.mist.plot.FeaturePlots;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renormalized mutual information (Sarra, Aiello and Marquardt 2021) on 2-D data: x is a correlated Gaussian
 * (unit variances, correlation {@code rho}), whose principal axis is the diagonal. A 1-D feature network is
 * trained to maximise RMI and its level lines are drawn over the data as a PNG; three hand-written candidate
 * features (x[0], the diagonal (x[0] + x[1]) / sqrt 2, the anti-diagonal (x[0] - x[1]) / sqrt 2) are ranked by
 * their RMI, with the learned feature beside them. For a linear feature a.x the exact RMI is
 * {@code 1/2 ln(2 pi e a'Sa / |a|^2)}: the diagonal keeps the most of x, {@code 1/2 ln(2 pi e (1 + rho))}.
 *
 * <p>Arguments (all optional): {@code file} (default {@code rmi-feature.png}), {@code n} (default 20000),
 * {@code rho} (default 0.6), {@code iterations} (default 500), {@code seed} (default 1).
 */
public final class RmiFeatureExample {
    private RmiFeatureExample() {
    }

    /**
     * One ranked feature.
     *
     * @param name what it computes
     * @param rmi its RMI on held-out samples, nats
     * @param truth its exact RMI (NaN for the learned feature)
     */
    public record Ranked(String name, MIEstimate rmi, double truth) {
    }

    /**
     * The outcome.
     *
     * @param ranking the three candidates and the learned feature, highest RMI first
     * @param feature the learned feature
     * @param plot the PNG of its level lines
     */
    public record Result(List<Ranked> ranking, ExtractedFeature feature, Path plot) {
    }

    /** Runs the example and prints the ranking. */
    public static void main(String[] args) {
        Result r = runExample(args);
        for (Ranked f : r.ranking()) {
            System.out.printf(Locale.ROOT, "%-32s RMI %.4f +/- %.4f nats%s%n", f.name(), f.rmi().value(),
                    f.rmi().standardError(), Double.isNaN(f.truth()) ? ""
                            : String.format(Locale.ROOT, " (exact %.4f)", f.truth()));
        }
        System.out.printf(Locale.ROOT, "plot %s%n", r.plot());
    }

    /** Samples the data, trains the feature, ranks, plots, and returns the result. */
    public static Result runExample(String... args) {
        Path file = Path.of(args.length > 0 ? args[0] : "rmi-feature.png");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        double rho = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : ExtractionConfig.DEFAULT_ITERATIONS;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1L;

        GaussianTask task = GaussianTask.bivariate(rho);
        TaskSample first = task.sample(n, seed);
        TaskSample second = task.sample(n, seed + 1);
        Samples train = Samples.concat(first.x(), first.y());
        Samples heldOut = Samples.concat(second.x(), second.y());
        ExtractedFeature learned = FeatureExtraction.fit(train,
                ExtractionConfig.builder().iterations(iterations).seed(seed).build());
        RmiEstimator rmi = new RmiEstimator(RmiConfig.builder().seed(seed).build());
        double s = Math.sqrt(0.5);
        double base = 0.5 * Math.log(2 * Math.PI * Math.E);
        List<Ranked> ranking = new ArrayList<>();
        ranking.add(new Ranked("x[0]", rmi.estimate(heldOut, FunctionFeature.of(2, 1, v -> new double[] {v[0]})),
                base));
        ranking.add(new Ranked("diagonal (x[0] + x[1]) / sqrt 2", rmi.estimate(heldOut,
                FunctionFeature.of(2, 1, v -> new double[] {s * (v[0] + v[1])})), base + 0.5 * Math.log(1 + rho)));
        ranking.add(new Ranked("anti-diagonal (x[0] - x[1]) / sqrt 2", rmi.estimate(heldOut,
                FunctionFeature.of(2, 1, v -> new double[] {s * (v[0] - v[1])})), base + 0.5 * Math.log(1 - rho)));
        ranking.add(new Ranked("learned (MLP 32-32, tanh)", rmi.estimate(heldOut, learned), Double.NaN));
        ranking.sort(Comparator.comparingDouble((Ranked f) -> f.rmi().value()).reversed());
        FeaturePlots.writeLevelLines(learned, heldOut, "Level lines of the learned RMI feature", file);
        return new Result(List.copyOf(ranking), learned, file);
    }
}
