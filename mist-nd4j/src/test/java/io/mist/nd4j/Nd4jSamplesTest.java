package io.mist.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.Samples;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link Nd4jSamples} on ND4J's CPU backend: the same values, hence the same estimates, as from Java arrays. */
class Nd4jSamplesTest {
    private static final int N = 400;
    private static final double RHO = 0.6;

    /** Correlated Gaussian pairs: column 0 is x, column 1 is y with correlation {@link #RHO}. */
    private static double[][] pairs(long seed) {
        Random r = new Random(seed);
        double[][] xy = new double[N][2];
        for (double[] row : xy) {
            double a = r.nextGaussian();
            row[0] = a;
            row[1] = RHO * a + Math.sqrt(1 - RHO * RHO) * r.nextGaussian();
        }
        return xy;
    }

    private static double[][] column(double[][] rows, int j) {
        double[][] c = new double[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            c[i][0] = rows[i][j];
        }
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ksg", "gaussian"})
    void estimatesEqualThoseFromJavaArrays(String estimator) {
        double[][] xy = pairs(1);
        MIEstimate expected = EstimateMI.estimate(column(xy, 0), column(xy, 1), estimator);
        INDArray both = Nd4j.createFromArray(xy);
        INDArray x = both.getColumn(0).dup().reshape(N, 1);
        INDArray y = both.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2));
        MIEstimate fromNd4j = EstimateMI.estimate(Nd4jSamples.of("x", x), Nd4jSamples.of("y", y), estimator);
        assertEquals(expected.value(), fromNd4j.value(), 0.0);
        MIEstimate rank1 = EstimateMI.estimate(Nd4jSamples.of("x", both.getColumn(0)),
                Nd4jSamples.of("y", both.getColumn(1).dup()), estimator);
        assertEquals(expected.value(), rank1.value(), 0.0);
    }

    @Test
    void floatArraysAreWidenedExactly() {
        double[][] xy = pairs(2);
        float[][] f = new float[N][2];
        double[][] widened = new double[N][2];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 2; j++) {
                f[i][j] = (float) xy[i][j];
                widened[i][j] = f[i][j];
            }
        }
        Samples s = Nd4jSamples.of("x", Nd4j.createFromArray(f));
        assertEquals(DataType.FLOAT, Nd4j.createFromArray(f).dataType());
        assertArrayEquals(Samples.of("x", widened).toRowMajor(), s.toRowMajor(), 0.0);
        MIEstimate expected = EstimateMI.estimate(column(widened, 0), column(widened, 1), "ksg");
        MIEstimate actual = EstimateMI.estimate(s.columns(0), s.columns(1), "ksg");
        assertEquals(expected.value(), actual.value(), 0.0);
    }

    @Test
    void everyLayoutGivesTheSameValues() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9.5}, {10, 11, 12}};
        double[] expected = Samples.of("x", rows).toRowMajor();
        INDArray c = Nd4j.createFromArray(rows);
        assertArrayEquals(expected, Nd4jSamples.of("x", c).toRowMajor(), 0.0);
        assertArrayEquals(expected, Nd4jSamples.of("x", c.dup('f')).toRowMajor(), 0.0);
        assertArrayEquals(expected, Nd4jSamples.of("x", c.transpose().dup().transpose()).toRowMajor(), 0.0);
        INDArray wider = Nd4j.createFromArray(new double[][] {{0, 1, 2, 3}, {0, 4, 5, 6}, {0, 7, 8, 9.5},
            {0, 10, 11, 12}, {0, 0, 0, 0}});
        INDArray slice = wider.get(NDArrayIndex.interval(0, 4), NDArrayIndex.interval(1, 4));
        assertArrayEquals(expected, Nd4jSamples.of("x", slice).toRowMajor(), 0.0);
        INDArray lastRows = Nd4j.createFromArray(new double[][] {{-1, -1, -1}, {1, 2, 3}, {4, 5, 6}, {7, 8, 9.5},
            {10, 11, 12}}).get(NDArrayIndex.interval(1, 5), NDArrayIndex.all());
        assertArrayEquals(expected, Nd4jSamples.of("x", lastRows).toRowMajor(), 0.0);
        assertArrayEquals(new double[] {2, 5, 8, 11}, Nd4jSamples.of("x", c.getColumn(1)).toRowMajor(), 0.0);
    }

    @Test
    void nonFiniteValuesGetTheMessagesOfSamples() {
        double[][] rows = {{1, 2}, {3, Double.NaN}};
        String expected = assertThrows(IllegalArgumentException.class, () -> Samples.of("x", rows)).getMessage();
        String actual = assertThrows(IllegalArgumentException.class,
                () -> Nd4jSamples.of("x", Nd4j.createFromArray(rows))).getMessage();
        assertEquals(expected, actual);
        assertEquals("x: value at row 1, column 1 is NaN; remove or impute non-finite values", actual);
        double[][] inf = {{1, 2}, {Double.NEGATIVE_INFINITY, 4}};
        assertEquals("y: value at row 1, column 0 is infinite; remove or impute non-finite values",
                assertThrows(IllegalArgumentException.class,
                        () -> Nd4jSamples.of("y", Nd4j.createFromArray(inf).castTo(DataType.FLOAT))).getMessage());
    }

    @Test
    void badRankEmptyAndTypeAreRefusedWithTheArgumentName() {
        assertEquals("z must be a 1-D or 2-D array, got shape (2, 2, 2)", assertThrows(IllegalArgumentException.class,
                () -> Nd4jSamples.of("z", Nd4j.zeros(DataType.DOUBLE, 2, 2, 2))).getMessage());
        assertEquals("x must be a 1-D or 2-D array, got shape ()", assertThrows(IllegalArgumentException.class,
                () -> Nd4jSamples.of("x", Nd4j.scalar(1.0))).getMessage());
        assertEquals("data must be non-empty, got shape (0, 3)", assertThrows(IllegalArgumentException.class,
                () -> Nd4jSamples.of(Nd4j.create(DataType.DOUBLE, 0, 3))).getMessage());
        assertEquals("y must hold float or double values, got INT; cast it first with castTo(DataType.DOUBLE)",
                assertThrows(IllegalArgumentException.class,
                        () -> Nd4jSamples.of("y", Nd4j.createFromArray(new int[] {1, 2, 3}))).getMessage());
        assertEquals("x must not be null", assertThrows(IllegalArgumentException.class,
                () -> Nd4jSamples.of("x", null)).getMessage());
    }
}
