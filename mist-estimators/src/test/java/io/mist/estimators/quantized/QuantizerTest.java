package io.mist.estimators.quantized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.InvalidOptionException;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/** The quantizers: k-means on known clusters and its seeding, equal-width and quantile grids. */
class QuantizerTest {
    private static final double[][] BLOBS = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 20}};

    /** 200 points around each of {@link #BLOBS} with standard deviation 0.5, blob by blob. */
    private static Samples blobs(long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] rows = new double[BLOBS.length * 200][];
        for (int i = 0; i < rows.length; i++) {
            double[] c = BLOBS[i / 200];
            rows[i] = new double[] {c[0] + 0.5 * g.sample(), c[1] + 0.5 * g.sample()};
        }
        return Samples.of(rows);
    }

    @Test
    void kmeansFindsWellSeparatedClusters() {
        Samples s = blobs(1);
        for (long seed = 1; seed <= 5; seed++) {
            KMeansQuantizer q = KMeansQuantizer.fit(s, 5, Seeds.rng(seed));
            int[] bins = q.indices(s);
            Set<Integer> used = new HashSet<>();
            for (int b = 0; b < BLOBS.length; b++) {
                // every point of a blob in one bin, and that bin is the blob's alone
                int first = bins[b * 200];
                for (int i = b * 200; i < (b + 1) * 200; i++) {
                    assertEquals(first, bins[i], "seed " + seed + ", blob " + b);
                }
                assertTrue(used.add(first));
                // its centre is the blob's mean: within 4 standard errors (0.5 / sqrt(200) = 0.035) per axis
                double[] c = q.centres()[first];
                assertEquals(BLOBS[b][0], c[0], 0.15);
                assertEquals(BLOBS[b][1], c[1], 0.15);
                // a new point near the blob maps to it
                assertEquals(first, q.index(new double[] {BLOBS[b][0] + 0.3, BLOBS[b][1] - 0.3}));
            }
        }
    }

    @Test
    void kmeansIsReproducibleFromItsSeed() {
        Samples s = Samples.of(new double[][] {{0.1, 3}, {2, 1}, {0.4, 0.2}, {5, 5}, {1, 1}, {3, 0.5}, {4, 4},
            {0.2, 0.9}, {2.5, 2.5}, {1.5, 4}});
        double[][] a = KMeansQuantizer.fit(s, 3, Seeds.rng(11)).centres();
        double[][] b = KMeansQuantizer.fit(s, 3, Seeds.rng(11)).centres();
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(a[c], b[c], 0.0);
        }
        // another seed draws other k-means++ seeds (here ending in other centres)
        boolean differs = false;
        for (long seed = 12; seed < 20 && !differs; seed++) {
            differs = !Arrays.deepEquals(a, KMeansQuantizer.fit(s, 3, Seeds.rng(seed)).centres());
        }
        assertTrue(differs);
    }

    @Test
    void kmeansRejectsMoreBinsThanRows() {
        Samples s = Samples.of("x", new double[] {1, 2, 3});
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> KMeansQuantizer.fit(s, 4, Seeds.rng(1)));
        assertEquals("n_bins", e.option());
    }

    @Test
    void equalWidthBinsCutTheRangeIntoEqualIntervals() {
        Samples s = Samples.of("x", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10});
        GridQuantizer q = GridQuantizer.equalWidth(s, 5); // width 2: [0,2) [2,4) [4,6) [6,8) [8,10]
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4}, q.indices(s));
        assertEquals(5, q.bins());
        // outside the fitted range: clamped to the end bins
        assertEquals(0, q.index(new double[] {-3}));
        assertEquals(4, q.index(new double[] {99}));
        // a constant column has one bin
        assertEquals(1, GridQuantizer.equalWidth(Samples.of("c", new double[] {2, 2, 2}), 5).bins());
    }

    @Test
    void quantileBinsHoldEqualCountsAndKeepTiesTogether() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 1000; // 0..999 in scrambled order
        }
        Samples s = Samples.of("x", v);
        int[] bins = GridQuantizer.quantile(s, 4).indices(s);
        int[] counts = new int[4];
        for (int b : bins) {
            counts[b]++;
        }
        assertArrayEquals(new int[] {250, 250, 250, 250}, counts);
        // ties: half the values are 0, so the edges 0 and 0 put every 0 in one bin
        Samples ties = Samples.of("t", new double[] {0, 0, 0, 0, 1, 2, 3, 4});
        int[] t = GridQuantizer.quantile(ties, 4).indices(ties);
        for (int i = 1; i < 4; i++) {
            assertEquals(t[0], t[i]);
        }
        assertNotEquals(t[0], t[4]);
    }

    @Test
    void gridsOfSeveralColumnsNumberTheCellsInMixedRadix() {
        Samples s = Samples.of(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
        GridQuantizer q = GridQuantizer.equalWidth(s, 2);
        assertEquals(4, q.bins());
        assertArrayEquals(new int[] {0, 1, 2, 3}, q.indices(s));
        double[][] wide = new double[3][7];
        for (int i = 0; i < 3; i++) {
            Arrays.fill(wide[i], i);
        }
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> GridQuantizer.quantile(Samples.of(wide), 32));
        assertEquals("n_bins", e.option());
        assertTrue(e.getMessage().contains("quantization=kmeans"), e::getMessage);
    }
}
