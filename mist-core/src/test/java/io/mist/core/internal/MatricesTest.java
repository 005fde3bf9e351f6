package io.mist.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.Samples;

import org.junit.jupiter.api.Test;

class MatricesTest {
    /** The textbook example: A = L L^T with L = [[2,0,0],[6,1,0],[-8,5,3]], det A = (2*1*3)^2 = 36. */
    private static final double[][] A = {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}};

    @Test
    void choleskyOfAKnownMatrix() {
        double[][] l = Matrices.cholesky(A);
        assertArrayEquals(new double[] {2, 0, 0}, l[0], 1e-14);
        assertArrayEquals(new double[] {6, 1, 0}, l[1], 1e-14);
        assertArrayEquals(new double[] {-8, 5, 3}, l[2], 1e-14);
        double[][] back = Matrices.multiply(l, Matrices.transpose(l));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(A[i], back[i], 1e-12);
        }
    }

    @Test
    void logDetOfKnownMatrices() {
        assertEquals(Math.log(36), Matrices.logDet(A), 1e-13);
        assertEquals(Math.log(1 - 0.36), Matrices.logDet(new double[][] {{1, 0.6}, {0.6, 1}}), 1e-15);
        assertEquals(Math.log(2 * 3 * 5), Matrices.logDet(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 5}}), 1e-15);
        // determinant far below Double.MIN_NORMAL stays representable as a log
        double[][] tiny = new double[40][40];
        for (int i = 0; i < 40; i++) {
            tiny[i][i] = 1e-10;
        }
        assertEquals(40 * Math.log(1e-10), Matrices.logDet(tiny), 1e-10);
    }

    @Test
    void notPositiveDefiniteIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrices.cholesky(new double[][] {{1, 2}, {2, 1}}));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("pivot 1"),
                e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> Matrices.logDet(new double[][] {{1, 1}, {1, 1}}));
        assertThrows(IllegalArgumentException.class, () -> Matrices.cholesky(new double[][] {{Double.NaN}}));
        IllegalArgumentException square = assertThrows(IllegalArgumentException.class,
                () -> Matrices.cholesky(new double[][] {{1, 0, 0}, {0, 1, 0}}));
        assertTrue(square.getMessage().contains("matrix must be square: row 0 has 3 columns, expected 2"),
                square::getMessage);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Matrices.covariance(Samples.of("s", new double[] {1})));
        assertTrue(one.getMessage().contains("at least 2 samples"), one::getMessage);
    }

    @Test
    void solveRecoversAKnownSolution() {
        double[][] x = {{1, -2}, {0.5, 3}, {-1, 0.25}};
        double[][] b = Matrices.multiply(A, x);
        double[][] solved = Matrices.solve(A, b);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(x[i], solved[i], 1e-10);
        }
        // 2x2 by Cramer's rule: [[2,1],[1,3]] u = [1, 2] -> u = [1/5, 3/5]
        double[][] u = Matrices.solve(new double[][] {{2, 1}, {1, 3}}, new double[][] {{1}, {2}});
        assertEquals(0.2, u[0][0], 1e-15);
        assertEquals(0.6, u[1][0], 1e-15);
    }

    @Test
    void covarianceOfKnownData() {
        Samples s = Samples.of("s", new double[][] {{1, 2}, {2, 4}, {3, 5}, {6, 1}});
        // means 3, 3; deviations (-2,-1), (-1,1), (0,2), (3,-2)
        double[][] c = Matrices.covariance(s);
        assertArrayEquals(new double[] {14.0 / 3, -5.0 / 3}, c[0], 1e-14);
        assertArrayEquals(new double[] {-5.0 / 3, 10.0 / 3}, c[1], 1e-14);
    }

    @Test
    void blocksRangesAndProducts() {
        assertArrayEquals(new int[] {2, 3, 4}, Matrices.range(2, 5));
        assertArrayEquals(new int[] {0, 2, 1}, Matrices.concat(new int[] {0}, new int[] {2, 1}));
        double[][] b = Matrices.block(A, new int[] {0, 2});
        assertArrayEquals(new double[] {4, -16}, b[0]);
        assertArrayEquals(new double[] {-16, 98}, b[1]);
        double[][] off = Matrices.block(A, new int[] {1}, new int[] {0, 2});
        assertArrayEquals(new double[] {12, -43}, off[0]);
        double[][] t = Matrices.transpose(new double[][] {{1, 2, 3}});
        assertEquals(3, t.length);
        assertEquals(3.0, t[2][0]);
        double[][] p = Matrices.multiply(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5}, {6}});
        assertEquals(17.0, p[0][0]);
        assertEquals(39.0, p[1][0]);
    }

    @Test
    void gaussianMutualInformationOfKnownCovariances() {
        double rho = 0.8;
        assertEquals(-0.5 * Math.log(1 - rho * rho),
                Matrices.gaussianMutualInformation(new double[][] {{1, rho}, {rho, 1}}, 1), 1e-14);
        // scaling the variables does not change MI
        assertEquals(-0.5 * Math.log(1 - rho * rho),
                Matrices.gaussianMutualInformation(new double[][] {{4, 2 * 3 * rho}, {2 * 3 * rho, 9}}, 1), 1e-14);
        // block-diagonal: independent
        assertEquals(0.0, Matrices.gaussianMutualInformation(new double[][] {{2, 0.5, 0}, {0.5, 1, 0}, {0, 0, 3}}, 2),
                1e-15);
    }
}
