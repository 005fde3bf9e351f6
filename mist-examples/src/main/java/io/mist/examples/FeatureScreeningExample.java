package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Feature screening: rank the 50 columns of a generated table by their MI with a target, once with {@code ksg}
 * (any dependence) and once with {@code gaussian} (linear dependence only), and list where the two rankings
 * disagree. The target is {@code t = x0 + x1 + (x2^2 - 1) + 2 cos(2 x3) + 0.5 e}: x0 and x1 act linearly, x2 and
 * x3 through even functions, which carry information but no correlation, so the Gaussian estimate misses them;
 * the other 46 columns are noise.
 *
 * <p>Arguments (all optional): {@code n} (default 2000), {@code seed} (default 1).
 */
public final class FeatureScreeningExample {
    /** Columns of the table. */
    public static final int COLUMNS = 50;
    /** Ranks (1 = most informative) within which a column counts as selected. */
    public static final int TOP = 4;

    private FeatureScreeningExample() {
    }

    /**
     * One column's scores and ranks.
     *
     * @param column its index
     * @param ksg MI with the target by {@code ksg}, in nats
     * @param gaussian MI with the target by {@code gaussian}, in nats
     * @param ksgRank rank by {@code ksg} (1 = highest)
     * @param gaussianRank rank by {@code gaussian}
     */
    public record Column(int column, double ksg, double gaussian, int ksgRank, int gaussianRank) {
        /** Whether exactly one of the two rankings puts the column in its top {@link #TOP}. */
        public boolean disputed() {
            return (ksgRank <= TOP) != (gaussianRank <= TOP);
        }
    }

    /**
     * The outcome.
     *
     * @param columns every column, in ksg rank order
     */
    public record Result(List<Column> columns) {
        /** The columns whose selection the two estimators disagree on. */
        public List<Column> disputed() {
            return columns.stream().filter(Column::disputed).toList();
        }
    }

    /** Runs the example and prints the ranking and the disagreements. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.println("column  ksg (rank)       gaussian (rank)");
        for (Column c : r.columns().subList(0, 8)) {
            System.out.printf(Locale.ROOT, "x%-5d  %.4f (%2d)      %.4f (%2d)%n", c.column(), c.ksg(), c.ksgRank(),
                    c.gaussian(), c.gaussianRank());
        }
        System.out.println("...");
        for (Column c : r.disputed()) {
            System.out.printf(Locale.ROOT, "disagree on x%d: ksg rank %d, gaussian rank %d (%s)%n", c.column(),
                    c.ksgRank(), c.gaussianRank(), c.ksgRank() < c.gaussianRank()
                            ? "nonlinear dependence the Gaussian estimate cannot see" : "linear, weak for ksg");
        }
    }

    /** Generates the table, scores every column with both estimators, and returns the ranking. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;

        TaskSample s = IndependentTask.of(COLUMNS, 1).sample(n, seed);
        double[] noise = s.y().column(0);
        double[][] columns = new double[COLUMNS][];
        for (int j = 0; j < COLUMNS; j++) {
            columns[j] = s.x().column(j);
        }
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            double x2 = columns[2][i];
            target[i] = columns[0][i] + columns[1][i] + (x2 * x2 - 1) + 2 * Math.cos(2 * columns[3][i])
                    + 0.5 * noise[i];
        }
        double[] ksg = new double[COLUMNS];
        double[] gaussian = new double[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            ksg[j] = EstimateMI.with("ksg").seed(seed).estimate(columns[j], target).value();
            gaussian[j] = EstimateMI.estimate(columns[j], target, "gaussian").value();
        }
        int[] ksgRank = ranks(ksg);
        int[] gaussianRank = ranks(gaussian);
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < COLUMNS; j++) {
            out.add(new Column(j, ksg[j], gaussian[j], ksgRank[j], gaussianRank[j]));
        }
        out.sort(Comparator.comparingInt(Column::ksgRank));
        return new Result(List.copyOf(out));
    }

    /** Rank of each value, 1 for the largest. */
    private static int[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
        int[] rank = new int[v.length];
        for (int k = 0; k < order.length; k++) {
            rank[order[k]] = k + 1;
        }
        return rank;
    }
}
