package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.Samples;
import io.mist.train.data.NpyWriter;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mist estimate --estimator rmi} with the feature's Jacobian from a 3-D .npy file. */
class RmiCliTest {
    private static final int N = 1000;

    @TempDir
    Path dir;

    /** x on a grid of (-3, 3), the feature y = x^3 + 5x and its derivative; J written as [n, 1, 1] or [n, 1, 2]. */
    private Path[] files(int jacobianCols) {
        Path x = dir.resolve("X.npy");
        Path y = dir.resolve("FEATURE.npy");
        Path j = dir.resolve("J.npy");
        try (NpyWriter wx = NpyWriter.create(x, N, 1); NpyWriter wy = NpyWriter.create(y, N, 1);
                NpyWriter wj = NpyWriter.create(j, N, 1, jacobianCols)) {
            for (int i = 0; i < N; i++) {
                double v = -3 + 6 * (i + 0.5) / N;
                wx.writeRow(v);
                wy.writeRow(v * v * v + 5 * v);
                double[] row = new double[jacobianCols];
                row[0] = 3 * v * v + 5;
                wj.writeRow(row);
            }
        }
        return new Path[] {x, y, j};
    }

    @Test
    void estimatesFromAThreeDimensionalJacobianFileAsTheLibraryDoes() {
        Path[] f = files(1);
        CliTest.Run r = CliTest.mist("estimate", "--estimator", "rmi", "--x", f[0].toString(), "--y", f[1].toString(),
                "--option", "jacobian=" + f[2], "--json");
        assertEquals(0, r.code(), r.err());
        double[] xs = new double[N];
        double[] ys = new double[N];
        for (int i = 0; i < N; i++) {
            xs[i] = -3 + 6 * (i + 0.5) / N;
            ys[i] = xs[i] * xs[i] * xs[i] + 5 * xs[i];
        }
        double expected = EstimateMI.with("rmi").option("jacobian", f[2]).estimate(Samples.of("x", xs),
                Samples.of("y", ys)).value();
        assertEquals(expected, CliTest.jsonNumber(r.out(), "value"), 1e-12);
        // x uniform on (-3, 3): RMI of an invertible feature is H(x) = ln 6, up to the histogram's bias at n = 1000
        // (180 bins: about -(180 - 1)/(2n) = -0.09 nats)
        assertEquals(Math.log(6), expected, 0.1);
    }

    @Test
    void aMismatchedOrMissingJacobianIsOneLineNamingTheOption() {
        Path[] f = files(2);
        CliTest.Run wrong = CliTest.mist("estimate", "--estimator", "rmi", "--x", f[0].toString(), "--y",
                f[1].toString(), "--option", "jacobian=" + f[2]);
        assertNotEquals(0, wrong.code());
        assertEquals("mist: jacobian: J.npy has shape [1000, 1, 2] but must be [n, dy, dx] = [1000, 1, 1] (n and dx "
                + "from x, dy from y)", wrong.err().strip());
        CliTest.Run none = CliTest.mist("estimate", "--estimator", "rmi", "--x", f[0].toString(), "--y",
                f[1].toString());
        assertNotEquals(0, none.code());
        assertTrue(none.err().startsWith("mist: rmi needs the Jacobian") && none.err().strip().lines().count() == 1,
                none.err());
        CliTest.Run missing = CliTest.mist("estimate", "--estimator", "rmi", "--x", f[0].toString(), "--y",
                f[1].toString(), "--option", "jacobian=" + dir.resolve("none.npy"));
        assertNotEquals(0, missing.code());
        assertTrue(missing.err().contains("jacobian") && missing.err().contains("does not exist"), missing.err());
    }
}
