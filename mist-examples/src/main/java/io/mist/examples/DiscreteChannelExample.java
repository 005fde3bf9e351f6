package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.Samples;
import io.mist.core.Seeds;

import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Mutual information of a noisy discrete channel with the {@code discrete} estimator, with and without the
 * Miller-Madow correction. X is uniform on {@code m} symbols; Y equals X with probability {@code 1 - eps}
 * and is one of the other {@code m - 1} symbols (uniformly) otherwise, so Y is uniform too and
 * {@code I = log m - H(Y|X) = log m + (1 - eps) log(1 - eps) + eps log(eps / (m - 1))}.
 *
 * <p>Arguments (all optional): {@code n} (default 2000), {@code m} (default 8), {@code eps} (default 0.3),
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
        System.out.printf(Locale.ROOT, "plug-in        %.4f nats (bias %+.4f)%n", r.plugIn().value(),
                r.plugIn().value() - r.truth());
        System.out.printf(Locale.ROOT, "Miller-Madow   %.4f nats (bias %+.4f)%n", r.millerMadow().value(),
                r.millerMadow().value() - r.truth());
    }

    /** The exact MI of the channel in nats. */
    public static double channelInformation(int m, double eps) {
        return Math.log(m) + (1 - eps) * Math.log(1 - eps) + eps * Math.log(eps / (m - 1));
    }

    /** Simulates the channel, estimates, and returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double eps = args.length > 2 ? Double.parseDouble(args[2]) : 0.3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;

        UniformRandomProvider rng = Seeds.rng(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(m);
            if (rng.nextDouble() < eps) {
                int other = rng.nextInt(m - 1);
                y[i] = other >= x[i] ? other + 1 : other;
            } else {
                y[i] = x[i];
            }
        }
        Samples xs = Samples.ofDiscrete("x", x);
        Samples ys = Samples.ofDiscrete("y", y);
        MIEstimate plugIn = EstimateMI.with("discrete").option("miller_madow", false).seed(seed).estimate(xs, ys);
        MIEstimate corrected = EstimateMI.with("discrete").seed(seed).estimate(xs, ys);
        return new Result(channelInformation(m, eps), plugIn, corrected);
    }
}
