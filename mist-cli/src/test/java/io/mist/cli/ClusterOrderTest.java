package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The heat map's clustered order puts dependent variables next to each other. */
class ClusterOrderTest {
    private static final double N = Double.NaN;

    @Test
    void interleavedBlocksBecomeContiguous() {
        // file order a1, b1, a2, b2: the a's depend on each other (0.8), the b's too (0.5), across ~0
        double[][] mi = {
            {N, 0.01, 0.8, 0.02},
            {0.01, N, 0.0, 0.5},
            {0.8, 0.0, N, 0.01},
            {0.02, 0.5, 0.01, N},
        };
        assertArrayEquals(new int[] {0, 2, 1, 3}, ClusterOrder.of(mi));
    }

    @Test
    void aChainStaysInChainOrderAndOneVariableIsItsOwnOrder() {
        // c0 - c1 - c2 with I(c0;c2) below both links: c1 joins c2 first, then c0 joins that cluster
        double[][] mi = {
            {N, 0.8, 0.55},
            {0.8, N, 0.9},
            {0.55, 0.9, N},
        };
        assertArrayEquals(new int[] {0, 1, 2}, ClusterOrder.of(mi));
        assertArrayEquals(new int[] {0}, ClusterOrder.of(new double[][] {{N}}));
    }
}
