package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.Samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Real data that ships with the JDK: the Unicode character database. For every assigned code point (private use
 * and surrogates left out) take its script ({@link Character.UnicodeScript}) and its general category
 * ({@link Character#getType(int)}): how much does knowing the script tell about the category? The whole population
 * is at hand, so its MI is known exactly (the plug-in value on all rows); the example then estimates it from a
 * random sample of {@code n} characters, as one would from a survey, with and without the Miller-Madow
 * correction, and shows the sample estimate's error against the population value.
 *
 * <p>Arguments (all optional): {@code n} (default 5000), {@code seed} (default 1).
 */
public final class UnicodeExample {
    private UnicodeExample() {
    }

    /**
     * The outcome.
     *
     * @param population number of assigned code points used
     * @param scripts distinct scripts among them
     * @param categories distinct general categories among them
     * @param populationMi exact MI of the population, in nats
     * @param plugIn plug-in estimate from the sample, with its bootstrap standard error
     * @param millerMadow Miller-Madow estimate from the sample, with its bootstrap standard error
     */
    public record Result(int population, int scripts, int categories, double populationMi, MIEstimate plugIn,
            MIEstimate millerMadow) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "%d code points, %d scripts, %d general categories%n", r.population(),
                r.scripts(), r.categories());
        System.out.printf(Locale.ROOT, "population   I(script; category) = %.4f nats%n", r.populationMi());
        System.out.printf(Locale.ROOT, "sample, plug-in        %.4f +/- %.4f (error %+.4f)%n", r.plugIn().value(),
                r.plugIn().standardError(), r.plugIn().value() - r.populationMi());
        System.out.printf(Locale.ROOT, "sample, Miller-Madow   %.4f +/- %.4f (error %+.4f)%n",
                r.millerMadow().value(), r.millerMadow().standardError(), r.millerMadow().value() - r.populationMi());
    }

    /** Reads the JDK's Unicode tables, computes the population MI, samples, estimates, returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;

        List<int[]> rows = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int type = Character.getType(cp);
            if (type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE) {
                rows.add(new int[] {Character.UnicodeScript.of(cp).ordinal(), type});
            }
        }
        int[] script = new int[rows.size()];
        int[] category = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            script[i] = rows.get(i)[0];
            category[i] = rows.get(i)[1];
        }
        double population = EstimateMI.with("discrete").option("miller_madow", false)
                .estimate(Samples.ofDiscrete("script", script), Samples.ofDiscrete("category", category)).value();

        // a simple random sample without replacement (partial Fisher-Yates shuffle)
        SplittableRandom rng = new SplittableRandom(seed);
        int[] index = new int[rows.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        int[] s = new int[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
            s[i] = script[index[i]];
            c[i] = category[index[i]];
        }
        Samples xs = Samples.ofDiscrete("script", s);
        Samples ys = Samples.ofDiscrete("category", c);
        MIEstimate plugIn = EstimateMI.with("discrete").option("miller_madow", false).seed(seed).bootstrap(50)
                .estimate(xs, ys);
        MIEstimate corrected = EstimateMI.with("discrete").seed(seed).bootstrap(50).estimate(xs, ys);
        return new Result(rows.size(), (int) java.util.Arrays.stream(script).distinct().count(),
                (int) java.util.Arrays.stream(category).distinct().count(), population, plugIn, corrected);
    }
}
