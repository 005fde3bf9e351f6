package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.DiscreteChannelTask;
import io.mist.tasks.TaskSample;

import java.util.Locale;

/**
 * Mutual information of a noisy discrete channel ({@link DiscreteChannelTask}) with the {@code discrete}
 * estimator, with and without the Miller-Madow correction. X is uniform on {@code k} symbols; Y equals X
 * with probability {@code p} and is one of the other {@code k - 1} symbols otherwise, so
 * {@code I = log k + p log p + (1 - p) log((1 - p) / (k - 1))}.
 *
 * <p>Arguments (all optional): {@code n} (default 2000), {@code k} (default 8), {@code p} (default 0.7),
 * {@code seed} (default 1).
 */
public final class DiscreteChannelExample {
    private DiscreteChannelExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats
     * @param plugIn plug-in estimate (no correction)
     * @param millerMadow estimate with the Miller-Madow correction
     */
    public record Result(double truth, MIEstimate plugIn, MIEstimate millerMadow) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "truth          %.4f nats%n", r.truth());
        System.out.printf(Locale.ROOT, "plug-in        %.4f nats (error %+.4f)%n", r.plugIn().value(),
                r.plugIn().value() - r.truth());
        System.out.printf(Locale.ROOT, "Miller-Madow   %.4f nats (error %+.4f)%n", r.millerMadow().value(),
                r.millerMadow().value() - r.truth());
    }

    /** Simulates the channel, estimates, and returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double p = args.length > 2 ? Double.parseDouble(args[2]) : 0.7;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;

        DiscreteChannelTask task = DiscreteChannelTask.of(k, p);
        TaskSample s = task.sample(n, seed);
        MIEstimate plugIn = EstimateMI.with("discrete").option("miller_madow", false).seed(seed)
                .estimate(s.x(), s.y());
        MIEstimate corrected = EstimateMI.with("discrete").seed(seed).estimate(s.x(), s.y());
        return new Result(task.trueMutualInformation(), plugIn, corrected);
    }
}
