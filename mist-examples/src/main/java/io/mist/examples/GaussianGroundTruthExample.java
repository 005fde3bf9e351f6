package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.Locale;

/**
 * Estimates the mutual information of correlated Gaussians, whose exact value is known, with the
 * {@code gaussian} estimator through the facade, and adds a bootstrap standard error and a 95% confidence
 * interval.
 *
 * <p>Arguments (all optional): {@code n} (default 5000), {@code dim} (default 3), {@code rho} (default 0.6),
 * {@code seed} (default 1).
 */
public final class GaussianGroundTruthExample {
    private GaussianGroundTruthExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats
     * @param estimate the estimate with its bootstrap standard error
     * @param interval 95% confidence interval {@code [low, high]} in nats
     */
    public record Result(double truth, MIEstimate estimate, double[] interval) {
        /** Whether the interval covers the truth. */
        public boolean covers() {
            return interval[0] <= truth && truth <= interval[1];
        }
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "truth     %.4f nats (%.4f bits)%n", r.truth(), r.truth() / Math.log(2));
        System.out.printf(Locale.ROOT, "gaussian  %.4f nats (%.4f bits), bootstrap se %.4f%n", r.estimate().value(),
                r.estimate().bits(), r.estimate().standardError());
        System.out.printf(Locale.ROOT, "95%% CI    [%.4f, %.4f] nats, covers the truth: %s%n", r.interval()[0],
                r.interval()[1], r.covers());
    }

    /** Samples the task, estimates, and returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double rho = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;

        GaussianTask task = GaussianTask.componentwise(dim, rho);
        TaskSample data = task.sample(n, seed);
        MIEstimate estimate = EstimateMI.with("gaussian").seed(seed).bootstrap(200)
                .estimate(data.x().toArray(), data.y().toArray());
        return new Result(task.trueMutualInformation(), estimate, estimate.confidenceInterval(0.95));
    }
}
