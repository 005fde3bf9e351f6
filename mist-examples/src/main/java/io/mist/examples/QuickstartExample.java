package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one-liners of the README on a correlated Gaussian (2+2 dimensions, componentwise correlation {@code rho};
 * exact MI {@code -ln(1 - rho^2)}): {@code gaussian} (analytic standard error and p-value), {@code ksg} (standard
 * error by subsampling, p-value by a permutation test) and {@code gmm} (standard error from its bootstrap refits),
 * each printed with a 95 % interval.
 *
 * <p>Arguments (all optional): {@code n} (default 2000), {@code rho} (default 0.5), {@code seed} (default 1).
 */
public final class QuickstartExample {
    private QuickstartExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats
     * @param estimates the estimate of each estimator, by name, in the order run
     */
    public record Result(double truth, Map<String, MIEstimate> estimates) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "truth     %.4f nats%n", r.truth());
        r.estimates().forEach((name, e) -> {
            double[] ci = e.confidenceInterval(0.95);
            System.out.printf(Locale.ROOT, "%-9s %.4f nats +/- %.4f (95%% CI %.4f to %.4f)%s%n", name, e.value(),
                    e.standardError(), ci[0], ci[1], e.hasPValue()
                            ? String.format(Locale.ROOT, ", p-value %.4f", e.pValue()) : "");
        });
    }

    /** Samples the task, runs the three one-liners, and returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rho = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;

        GaussianTask task = GaussianTask.componentwise(2, rho);
        TaskSample s = task.sample(n, seed);
        double[][] x = s.x().toArray();
        double[][] y = s.y().toArray();

        Map<String, MIEstimate> out = new LinkedHashMap<>();
        out.put("gaussian", EstimateMI.estimate(x, y, "gaussian"));
        out.put("ksg", EstimateMI.with("ksg").option("k", 5).seed(7).bootstrap(30).permutations(99)
                .estimate(x, y));
        out.put("gmm", EstimateMI.with("gmm").option("n_bootstrap", 20).seed(7).estimate(x, y));
        return new Result(task.trueMutualInformation(), out);
    }
}
