package io.mist.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SamplesTest {
    private static final double[][] ROWS = {{1, 2}, {3, 4}, {5, 7}};

    /** Asserts that {@code call} fails with an {@link IllegalArgumentException} whose message has every part. */
    static IllegalArgumentException rejects(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
        return e;
    }

    @Test
    void nullInputsAreRejectedByName() {
        rejects(() -> Samples.of("x", (double[][]) null), "x must not be null");
        rejects(() -> Samples.of("y", (double[]) null), "y must not be null");
        rejects(() -> Samples.of("z", (float[][]) null), "z must not be null");
        rejects(() -> Samples.ofDiscrete("labels", null), "labels must not be null");
        rejects(() -> Samples.ofRowMajor("flat", null, 1, 1), "flat must not be null");
        rejects(() -> Samples.of("x", new double[][] {null, {1}}), "x[0] must not be null");
        rejects(() -> Samples.of("x", new double[][] {{1}, null}), "x: row 1 is null");
        rejects(() -> Samples.of("x", new float[][] {{1}, null}), "x: row 1 is null");
    }

    @Test
    void emptyInputsAreRejected() {
        rejects(() -> Samples.of("x", new double[0][]), "x must have at least one row, got 0");
        rejects(() -> Samples.of("x", new double[0]), "x must have at least one row, got 0");
        rejects(() -> Samples.of("x", new float[0][]), "x must have at least one row, got 0");
        rejects(() -> Samples.ofDiscrete("x", new int[0]), "x must have at least one row, got 0");
        rejects(() -> Samples.of("x", new double[3][0]), "x must have at least one column, got 0");
        rejects(() -> Samples.ofRowMajor("x", new double[0], 0, 1), "x rows must be at least 1, got 0");
        rejects(() -> Samples.ofRowMajor("x", new double[0], 1, 0), "x columns must be at least 1, got 0");
    }

    @Test
    void raggedRowsAreRejectedWithRowAndWidths() {
        rejects(() -> Samples.of("x", new double[][] {{1, 2}, {3, 4}, {5}}), "x: row 2 has 1 columns, expected 2",
                "ragged");
        rejects(() -> Samples.of("y", new float[][] {{1, 2}, {3, 4, 5}}), "y: row 1 has 3 columns, expected 2");
        rejects(() -> Samples.ofRowMajor("x", new double[5], 2, 3), "x: 5 values cannot form a 2 x 3 matrix");
    }

    @Test
    void nonFiniteValuesAreRejectedWithRowAndColumn() {
        double[][] nan = {{1, 2}, {3, 4}, {5, Double.NaN}};
        rejects(() -> Samples.of("x", nan), "x: value at row 2, column 1 is NaN");
        double[][] inf = {{1, 2}, {Double.NEGATIVE_INFINITY, 4}};
        rejects(() -> Samples.of("y", inf), "y: value at row 1, column 0 is infinite");
        rejects(() -> Samples.of("v", new double[] {0, 1, Double.POSITIVE_INFINITY}),
                "v: value at row 2, column 0 is infinite");
        rejects(() -> Samples.of("f", new float[][] {{Float.NaN}}), "f: value at row 0, column 0 is NaN");
        rejects(() -> Samples.ofRowMajor("r", new double[] {1, 2, 3, Double.NaN, 5, 6}, 2, 3),
                "r: value at row 1, column 0 is NaN");
    }

    @Test
    void zeroVarianceColumnsAreReportedByName() {
        Samples s = Samples.of("x", new double[][] {{1, 5}, {2, 5}, {3, 5}});
        rejects(() -> s.requireNonConstantColumns("x"), "x: column 1 has zero variance", "all 3 values equal 5.0");
        Samples ok = Samples.of("x", ROWS);
        assertSame(ok, ok.requireNonConstantColumns("x"));
        // a single row can never vary
        rejects(() -> Samples.of("one", new double[] {4}).requireNonConstantColumns("one"), "one: column 0");
    }

    /**
     * A column of one value read from text (0.1, whose computed standard deviation is a rounding residue of
     * the mean, not 0) is constant; so is one whose values differ in the last digit only (0.3 and 0.1 + 0.2,
     * one ulp apart, relative spread 5e-17 against the 1e-12 threshold); a relative spread of 3e-10 (1e6 +
     * steps of 1e-3) is variation and passes.
     */
    @Test
    void constantColumnsAreFoundByARelativeTest() {
        double[] tenths = new double[1000];
        java.util.Arrays.fill(tenths, 0.1);
        Samples t = Samples.of("y", tenths);
        assertTrue(t.standardDeviations()[0] > 0, "the rounding residue this test is about");
        rejects(() -> t.requireNonConstantColumns("y"), "y: column 0 has zero variance", "all 1000 values equal 0.1");
        double[] lastDigit = new double[100];
        for (int i = 0; i < lastDigit.length; i++) {
            lastDigit[i] = i % 2 == 0 ? 0.3 : 0.1 + 0.2;
        }
        rejects(() -> Samples.of("x", lastDigit).requireNonConstantColumns("x"),
                "x: column 0 has zero variance to within rounding", "drop the column");
        double[] fine = new double[100];
        for (int i = 0; i < fine.length; i++) {
            fine[i] = 1e6 + 1e-3 * i;
        }
        Samples f = Samples.of("x", fine);
        assertArrayEquals(f.standardDeviations(), f.requireVaryingColumns("x"));
    }

    /** Squares of 1e160 overflow: the spread is reported as an overflow with the scale, not as NaN or 0. */
    @Test
    void overflowingSpreadIsReportedAsOverflow() {
        Samples huge = Samples.of("x", new double[][] {{1, 1e160}, {2, -2e160}, {3, 3e160}});
        rejects(() -> huge.requireNonConstantColumns("x"), "x: column 1 overflows double precision",
                "values up to 3.00e+160", "divide the data by a constant scale");
        rejects(() -> huge.requireFiniteSpread("x"), "x: column 1 overflows");
        Samples large = Samples.of("x", new double[] {1e150, -1e150, 2e150});
        assertArrayEquals(large.standardDeviations(), large.requireFiniteSpread("x"));
        // squares of 1e-160 are subnormal: the spread is reported as an underflow, not as zero variance
        Samples tiny = Samples.of("x", new double[][] {{1, 1e-160}, {2, -2e-160}, {3, 3e-160}});
        rejects(() -> tiny.requireNonConstantColumns("x"), "x: column 1 underflows double precision",
                "values up to 3.00e-160", "multiply the data by a constant scale");
        Samples small = Samples.of("x", new double[] {1e-150, -1e-150, 2e-150});
        assertArrayEquals(small.standardDeviations(), small.requireVaryingColumns("x"));
    }

    @Test
    void rowCountAndIntegerRequirements() {
        Samples s = Samples.of("x", ROWS);
        rejects(() -> s.requireRows("x", 4, "k + 1 neighbours"), "x has 3 samples, but at least 4 are needed",
                "k + 1 neighbours");
        assertSame(s, s.requireRows("x", 3, "why"));
        assertSame(s, s.requireIntegers("x"));
        Samples frac = Samples.of("codes", new double[] {1, 2, 2.5});
        rejects(() -> frac.requireIntegers("codes"), "codes: value 2.5 at row 2, column 0 is not an integer code");
    }

    @Test
    void discreteSamplesAreMarkedAndKeepTheirLabels() {
        Samples d = Samples.ofDiscrete("labels", new int[] {3, -1, 0, 3});
        assertTrue(d.isDiscrete());
        assertEquals(4, d.n());
        assertEquals(1, d.dim());
        assertArrayEquals(new double[] {3, -1, 0, 3}, d.column(0));
        assertSame(d, d.requireIntegers("labels"));
        assertTrue(d.rows(new int[] {0, 1}).isDiscrete());
        assertTrue(d.rows(1, 3).isDiscrete());
        assertTrue(Samples.concat(d, d).isDiscrete());
        assertFalse(Samples.concat(d, Samples.of("c", new double[] {1, 2, 3, 4})).isDiscrete());
        assertFalse(Samples.of("x", ROWS).isDiscrete());
        assertTrue(d.toString().contains("discrete"));
    }

    @Test
    void factoriesAgree() {
        Samples a = Samples.of("x", ROWS);
        Samples b = Samples.ofRowMajor("x", new double[] {1, 2, 3, 4, 5, 7}, 3, 2);
        Samples c = Samples.of("x", new float[][] {{1, 2}, {3, 4}, {5, 7}});
        assertArrayEquals(a.toRowMajor(), b.toRowMajor());
        assertArrayEquals(a.toRowMajor(), c.toRowMajor());
        assertEquals(3, a.n());
        assertEquals(2, a.dim());
        assertEquals(7.0, a.get(2, 1));
        Samples v = Samples.of("v", new double[] {1, 2, 3});
        assertEquals(3, v.n());
        assertEquals(1, v.dim());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 7}, a.toFloatRowMajor());
        assertEquals("Samples[n=3, d=2]", a.toString());
    }

    @Test
    void inputsAndOutputsAreDefensiveCopies() {
        double[][] rows = {{1, 2}, {3, 4}};
        Samples s = Samples.of("x", rows);
        rows[0][0] = 99;
        assertEquals(1.0, s.get(0, 0));
        double[] col = {1, 2, 3};
        Samples v = Samples.of("v", col);
        col[0] = 99;
        assertEquals(1.0, v.get(0, 0));
        double[] flat = {1, 2, 3, 4};
        Samples r = Samples.ofRowMajor("r", flat, 2, 2);
        flat[0] = 99;
        assertEquals(1.0, r.get(0, 0));
        int[] labels = {1, 2};
        Samples d = Samples.ofDiscrete("d", labels);
        labels[0] = 99;
        assertEquals(1.0, d.get(0, 0));

        s.row(0)[0] = 99;
        s.column(0)[0] = 99;
        s.toRowMajor()[0] = 99;
        s.toArray()[0][0] = 99;
        s.toFloatRowMajor()[0] = 99;
        assertEquals(1.0, s.get(0, 0));
    }

    @Test
    void rowsSelectsWithRepeatsAndRanges() {
        Samples s = Samples.of("x", ROWS);
        Samples picked = s.rows(new int[] {2, 0, 2});
        assertArrayEquals(new double[][] {{5, 7}, {1, 2}, {5, 7}}, picked.toArray());
        assertArrayEquals(new double[][] {{3, 4}, {5, 7}}, s.rows(1, 3).toArray());
        rejects(() -> s.rows(new int[] {0, 3}), "row index 3 is out of range [0, 3)");
        rejects(() -> s.rows(new int[] {-1}), "row index -1 is out of range [0, 3)");
        rejects(() -> s.rows(new int[0]), "at least one index");
        rejects(() -> s.rows(null), "row indices must not be null");
        rejects(() -> s.rows(2, 2), "row range [2, 2)");
        rejects(() -> s.rows(0, 4), "row range [0, 4)");
        rejects(() -> s.rows(-1, 1), "row range [-1, 1)");
    }

    @Test
    void columnsSelectsInOrder() {
        Samples s = Samples.of("x", new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[][] {{3, 1}, {6, 4}}, s.columns(2, 0).toArray());
        assertArrayEquals(new double[][] {{2, 2}, {5, 5}}, s.columns(1, 1).toArray());
        rejects(() -> s.columns(3), "column index 3 is out of range [0, 3)");
        rejects(s::columns, "at least one column index");
        rejects(() -> s.columns((int[]) null), "column indices must not be null");
    }

    @Test
    void concatJoinsColumnsAndChecksRows() {
        Samples a = Samples.of("a", new double[][] {{1, 2}, {3, 4}});
        Samples b = Samples.of("b", new double[] {9, 8});
        assertArrayEquals(new double[][] {{1, 2, 9}, {3, 4, 8}}, Samples.concat(a, b).toArray());
        assertArrayEquals(new double[][] {{9, 1, 2}, {8, 3, 4}}, Samples.concat(b, a).toArray());
        rejects(() -> Samples.concat(a, Samples.of("c", new double[] {1, 2, 3})),
                "a and b must have the same number of samples: a has 2 rows, b has 3 rows");
        rejects(() -> Samples.concat(null, a), "a must not be null");
    }

    @Test
    void meansAndStandardDeviations() {
        Samples s = Samples.of("x", new double[][] {{1, 10}, {2, 10}, {3, 13}, {6, 15}});
        assertArrayEquals(new double[] {3, 12}, s.means(), 1e-15);
        // column 0: deviations -2,-1,0,3 -> ss 14 -> var 14/3; column 1: -2,-2,1,3 -> ss 18 -> var 6
        assertArrayEquals(new double[] {Math.sqrt(14.0 / 3), Math.sqrt(6)}, s.standardDeviations(), 1e-14);
        assertArrayEquals(new double[] {0}, Samples.of("one", new double[] {5}).standardDeviations());
    }

    @Test
    void cellsAreReadOnceRowMajorAndValidated() {
        Samples s = Samples.ofCells("x", 2, 3, (i, j) -> 10 * i + j);
        assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12}, s.toRowMajor(), 0.0);
        rejects(() -> Samples.ofCells("x", 2, 2, (i, j) -> i == 1 && j == 0 ? Double.NaN : 1),
                "x: value at row 1, column 0 is NaN; remove or impute non-finite values");
        rejects(() -> Samples.ofCells("y", 0, 2, (i, j) -> 1), "y rows");
    }
}
