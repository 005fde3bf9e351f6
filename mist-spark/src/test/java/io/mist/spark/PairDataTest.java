package io.mist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The canonical row order of a pair (no Spark needed). */
class PairDataTest {
    /**
     * The radix order equals a comparison sort by (x, y) with {@link Double#compare}, on values with many ties
     * in x, negative numbers, -0.0 and 0.0, infinities aside (they are dropped before).
     */
    @Test
    void radixOrderEqualsTheComparisonSortByXThenY() {
        Random r = new Random(7);
        for (int n : new int[] {0, 1, 2, 17, 3000}) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 3 == 0 ? r.nextInt(5) - 2 : r.nextGaussian() * 1e3;
                y[i] = i % 5 == 0 ? (r.nextBoolean() ? -0.0 : 0.0) : r.nextGaussian();
            }
            Integer[] expected = new Integer[n];
            Arrays.setAll(expected, i -> i);
            Arrays.sort(expected, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
            PairData d = PairData.canonical(x, y, 4);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToLongBits(x[expected[i]]), Double.doubleToLongBits(d.x()[i]), "x at " + i);
                assertEquals(Double.doubleToLongBits(y[expected[i]]), Double.doubleToLongBits(d.y()[i]), "y at " + i);
            }
            assertEquals(4, d.dropped());
        }
    }

    @Test
    void tiesInXAreOrderedByY() {
        double[] x = {1, 1, 1};
        double[] y = {3, 1, 2};
        PairData d = PairData.canonical(x, y, 0);
        assertArrayEquals(new double[] {1, 2, 3}, d.y());
    }
}
