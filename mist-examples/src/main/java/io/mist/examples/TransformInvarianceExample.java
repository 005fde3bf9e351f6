package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.TaskSample;
import io.mist.tasks.Transform;
import io.mist.tasks.TransformedTask;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Mutual information does not change under invertible maps of X and of Y, but an estimator may: the
 * {@code gaussian} estimator is exact for the Gaussian task and for its rotation, and for a bivariate
 * Gaussian passed through monotone maps it can only lose information, because no functions of X and Y are
 * more correlated than X and Y themselves (Lancaster 1957: the maximal correlation of a bivariate Gaussian
 * is {@code |rho|}).
 *
 * <p>Arguments (all optional): {@code n} (default 5000), {@code rho} (default 0.8), {@code seed} (default 1).
 */
public final class TransformInvarianceExample {
    private TransformInvarianceExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats, the same for every transform
     * @param estimates {@code gaussian} estimates by transform ({@code "none"} for the untransformed task)
     */
    public record Result(double truth, Map<String, MIEstimate> estimates) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "%-12s %8s %8s%n", "transform", "truth", "gaussian");
        r.estimates().forEach((name, e) -> System.out.printf(Locale.ROOT, "%-12s %8.4f %8.4f%n", name, r.truth(),
                e.value()));
    }

    /** Samples the task under every transform, estimates, and returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        double rho = args.length > 1 ? Double.parseDouble(args[1]) : 0.8;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;

        GaussianTask base = GaussianTask.bivariate(rho);
        Map<String, MIEstimate> estimates = new LinkedHashMap<>();
        estimates.put("none", estimate(base, n, seed));
        for (Transform t : Transform.values()) {
            if (t.minimumDimension() > 1) {
                continue; // the spiral turns a plane; this base is 1x1
            }
            estimates.put(t.name().toLowerCase(Locale.ROOT), estimate(TransformedTask.of(base, t), n, seed));
        }
        return new Result(base.trueMutualInformation(), estimates);
    }

    private static MIEstimate estimate(GroundTruthTask task, int n, long seed) {
        TaskSample s = task.sample(n, seed);
        return EstimateMI.with("gaussian").seed(seed).estimate(s.x(), s.y());
    }
}
