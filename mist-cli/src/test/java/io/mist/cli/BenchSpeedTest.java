package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.internal.Statistics;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code mist bench speed} at tiny sizes: every row measured, the report's sections, and flag checks. */
class BenchSpeedTest {
    @Test
    void tinyRunReportsEverySection() {
        CliTest.Run r = CliTest.mist("bench", "speed", "--ksg-sizes", "200,400,800", "--ksg-sizes-5d", "200",
                "--gmm-sizes", "100", "--neural", "nwj", "--iterations", "20", "--repeats", "1", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("## KSG"), r.out());
        assertTrue(r.out().contains("Growth exponent of the time in n, 1+1-D, n = 200 to 800:"), r.out());
        assertTrue(r.out().contains("## GMM-MI"), r.out());
        assertTrue(r.out().contains("| nwj | "), r.out());
        assertEquals(6 + 3 + 3, r.out().lines().filter(l -> l.startsWith("|")).count(), r.out());
    }

    @Test
    void rowsAreMeasuredAndEstimatesFinite() {
        SpeedBench b = new SpeedBench(new int[] {300, 600}, new int[0], new int[0], List.of(), 10, 1, 1);
        List<SpeedBench.Row> rows = b.run(r -> { });
        assertEquals(2, rows.size());
        for (SpeedBench.Row r : rows) {
            assertTrue(r.seconds() > 0 && Double.isFinite(r.estimate()), r.toString());
            // KSG on rho 0.6 at n = 300: truth 0.223, the estimate within 0.15 (seed-to-seed SD about 0.04)
            assertEquals(r.truth(), r.estimate(), 0.15, r.toString());
        }
        assertTrue(Double.isFinite(SpeedBench.growthExponent(rows)));
    }

    /** n log n from 1e4 to 1e6 (three points on a straight line in log n) has slope 1 + ln(1.5) / ln(100). */
    @Test
    void growthExponentIsTheLogLogSlope() {
        assertEquals(2.0, Statistics.growthExponent(new double[] {10, 100, 1000}, new double[] {1, 100, 10_000}),
                1e-12);
        double[] n = {1e4, 1e5, 1e6};
        double[] t = {1e4 * Math.log(1e4), 1e5 * Math.log(1e5), 1e6 * Math.log(1e6)};
        assertEquals(1 + Math.log(1.5) / Math.log(100), Statistics.growthExponent(n, t), 1e-3);
    }

    @Test
    void badFlagsAreOneLineErrors() {
        CliTest.Run r = CliTest.mist("bench", "speed", "--neural", "ksg");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--neural: 'ksg' does not train"), r.err());
        CliTest.Run small = CliTest.mist("bench", "speed", "--ksg-sizes", "5");
        assertEquals(2, small.code());
        assertTrue(small.err().contains("--ksg-sizes"), small.err());
    }
}
