package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.estimators.latent.LatentMiModel;
import io.mist.plot.LatentPlots;
import io.mist.tasks.ProjectedGaussianTask;
import io.mist.tasks.TaskSample;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Latent MI on high-dimensional data with low-dimensional structure: latentmi's 100-D projection task with unit
 * noise on every ambient coordinate ({@link ProjectedGaussianTask#noisy()}, exact MI 0.278 nats from the
 * 200 x 200 covariance). Estimates with {@code lmi} (its defaults) and, on the raw 100+100 columns, KSG, the
 * Gaussian plug-in, MINE and InfoNCE (one fit each, {@code folds = 1}, a fixed iteration budget), prints a
 * table with the truth and the seconds of each, and draws the first two latent coordinates of the embedding
 * as a PNG ({@link LatentPlots}).
 *
 * <p>Arguments (all optional): {@code file} (default {@code latent-embedding.png}), {@code n} (default
 * 10000), {@code seed} (default 1), {@code max_epochs} of lmi (default 300), {@code max_iterations} of MINE
 * and InfoNCE (default 3000).
 */
public final class LatentMiExample {
    private LatentMiExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats
     * @param estimates each estimator's result by name, in the table's order
     * @param plot the PNG written
     */
    public record Result(double truth, Map<String, MIEstimate> estimates, Path plot) {
    }

    /** Runs the example and prints the table. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "%-9s %8s %8s %8s%n", "estimator", "nats", "error", "seconds");
        System.out.printf(Locale.ROOT, "%-9s %8.4f %8s %8s%n", "truth", r.truth(), "", "");
        for (Map.Entry<String, MIEstimate> e : r.estimates().entrySet()) {
            MIEstimate m = e.getValue();
            System.out.printf(Locale.ROOT, "%-9s %8.4f %+8.4f %8.1f%n", e.getKey(), m.value(), m.value() - r.truth(),
                    m.seconds());
        }
        System.out.printf(Locale.ROOT, "embedding plot: %s%n", r.plot());
    }

    /** Samples the task, runs every estimator, plots the embedding, and returns the result. */
    public static Result runExample(String... args) {
        Path file = Path.of(args.length > 0 ? args[0] : "latent-embedding.png");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 3000;

        ProjectedGaussianTask task = ProjectedGaussianTask.noisy();
        TaskSample s = task.sample(n, seed);
        Map<String, MIEstimate> out = new LinkedHashMap<>();
        out.put("lmi", EstimateMI.with("lmi").option("max_epochs", epochs).seed(seed).estimate(s.x(), s.y()));
        out.put("ksg", EstimateMI.with("ksg").seed(seed).estimate(s.x(), s.y()));
        out.put("gaussian", EstimateMI.with("gaussian").seed(seed).estimate(s.x(), s.y()));
        for (String neural : new String[] {"mine", "infonce"}) {
            out.put(neural, EstimateMI.with(neural).option("folds", 1).option("max_iterations", iterations)
                    .seed(seed).estimate(s.x(), s.y()));
        }
        LatentPlots.writeEmbedding(out.get("lmi").model(LatentMiModel.class).orElseThrow(), file);
        return new Result(task.trueMutualInformation(), out, file);
    }
}
