package io.mist.uncertainty;

import io.mist.core.internal.Checks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Significance of MI screens: the permutation p-value of one estimate, and the Benjamini-Hochberg
 * false-discovery-rate adjustment of the p-values of many (an MI matrix, a feature ranking). The library's
 * permutation test ({@link Uncertainty#withPermutationTest}), {@code mist matrix} and mist-spark all use these,
 * so that a p-value and its adjusted q-value mean the same everywhere.
 *
 * <p><b>Permutation p-value</b>: with the observed estimate {@code t} and {@code P} estimates {@code t_r} on
 * data whose y rows were permuted, {@code p = (1 + #{r : t_r >= t}) / (P + 1)}. Counting the observed data as
 * one of the permutations makes the test exact at any {@code P} (Phipson and Smyth 2010, "Permutation
 * p-values should never be zero"); the smallest possible value is {@code 1 / (P + 1)}.
 *
 * <p><b>Benjamini-Hochberg</b> (Benjamini and Hochberg 1995, "Controlling the false discovery rate"): with the
 * {@code m} p-values sorted, {@code p_(1) <= ... <= p_(m)}, the adjusted value of the {@code i}-th smallest is
 * {@code q_(i) = min over j >= i of min(1, m p_(j) / j)}. Rejecting every hypothesis with {@code q <= alpha}
 * is the step-up procedure, which keeps the expected proportion of false discoveries among the rejections at
 * most {@code alpha} for independent or positively dependent p-values.
 */
public final class Significance {
    private Significance() {
    }

    /**
     * The permutation p-value of {@code observed} against the estimates on permuted data.
     *
     * @param observed the estimate on the data as given (finite)
     * @param permuted the estimates on permuted data (at least one; NaN counts as not reaching {@code observed})
     * @return {@code (1 + #{permuted >= observed}) / (permuted.length + 1)}
     * @throws IllegalArgumentException if {@code observed} is not finite or {@code permuted} is empty
     */
    public static double permutationPValue(double observed, double[] permuted) {
        Checks.notNull("permuted", permuted);
        Checks.atLeast("permutations", permuted.length, 1);
        if (!Double.isFinite(observed)) {
            throw Checks.fail("observed estimate must be finite for a permutation p-value, got %s", observed);
        }
        int atLeast = 0;
        for (double v : permuted) {
            if (v >= observed) {
                atLeast++;
            }
        }
        return (1.0 + atLeast) / (permuted.length + 1.0);
    }

    /**
     * Benjamini-Hochberg adjusted p-values (q-values), in the order of {@code pValues}.
     *
     * @param pValues one p-value per hypothesis, each in [0, 1] (at least one)
     * @return the adjusted values, each in [0, 1] and at least its p-value; monotone in the p-values
     * @throws IllegalArgumentException if a p-value is NaN or outside [0, 1], naming its index
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Checks.notNull("pValues", pValues);
        int m = Checks.atLeast("number of p-values", pValues.length, 1);
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw Checks.fail("p-value %d is %s; p-values must lie in [0, 1] (compute every p-value before "
                        + "adjusting them)", i, pValues[i]);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            q[i] = running;
        }
        return q;
    }

    /**
     * Which hypotheses the Benjamini-Hochberg step-up procedure rejects at false-discovery rate {@code alpha}.
     *
     * @param pValues as for {@link #benjaminiHochberg(double[])}
     * @param alpha the false-discovery rate, in (0, 1)
     * @return {@code q_i <= alpha} for each hypothesis, in the order of {@code pValues}
     */
    public static boolean[] discoveries(double[] pValues, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw Checks.fail("alpha (the false-discovery rate) must lie in (0, 1), got %s", alpha);
        }
        double[] q = benjaminiHochberg(pValues);
        boolean[] out = new boolean[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = q[i] <= alpha;
        }
        return out;
    }
}
