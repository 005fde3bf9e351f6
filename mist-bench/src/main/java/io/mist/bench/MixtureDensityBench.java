package io.mist.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mist.estimators.gmm.Mixture;
import io.mist.core.internal.Matrices;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.commons.rng.simple.RandomSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the hot loop of GMM-MI (the log-density of a Gaussian mixture at many points: every E-step and every
 * Monte Carlo integral) on primitive arrays with forward substitution ({@link Mixture#logDensities}, what
 * the estimator uses) against the same computation as DJL NDArray ops on the PyTorch engine (whitening by
 * the inverse Cholesky factor as one matrix product per component, then log-sum-exp over components), one
 * thread, float64 both ways. This is the measurement behind issue 5's "NDArrays or primitive arrays,
 * whichever measures faster".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class MixtureDensityBench {
    /** Points. */
    @Param({"1000", "100000"})
    public int n;

    /** Components. */
    @Param({"1", "3"})
    public int k;

    /** Dimension. */
    @Param({"2", "5"})
    public int d;

    private Mixture mixture;
    private double[] points;
    private NDManager manager;
    private NDArray pointsNd;
    private NDArray[] means;
    private NDArray[] whiteners;
    private NDArray logNorms;

    /** Draws a random mixture and points; uploads both to the engine once. */
    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(7);
        double[] w = new double[k];
        double[][] mu = new double[k][d];
        double[][][] cov = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            w[c] = 1.0 / k;
            for (int i = 0; i < d; i++) {
                mu[c][i] = 2 * r.nextGaussian();
                cov[c][i][i] = 1 + r.nextDouble();
                for (int j = 0; j < i; j++) {
                    cov[c][i][j] = cov[c][j][i] = 0.3 / d;
                }
            }
        }
        mixture = Mixture.of(w, mu, cov);
        points = mixture.sample(n, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        manager = NDManager.newBaseManager();
        pointsNd = manager.create(points, new Shape(n, d));
        means = new NDArray[k];
        whiteners = new NDArray[k];
        double[] norms = new double[k];
        for (int c = 0; c < k; c++) {
            double[][] l = Matrices.cholesky(cov[c]);
            means[c] = manager.create(mu[c]);
            whiteners[c] = manager.create(flatten(lowerInverse(l))).reshape(d, d).transpose();
            double logDet = 0;
            for (int i = 0; i < d; i++) {
                logDet += 2 * Math.log(l[i][i]);
            }
            norms[c] = Math.log(w[c]) - 0.5 * (d * Math.log(2 * Math.PI) + logDet);
        }
        logNorms = manager.create(norms);
        double[] a = primitive();
        double[] b = ndarray();
        for (int i = 0; i < n; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9 * (1 + Math.abs(a[i]))) {
                throw new IllegalStateException("the two paths disagree at point " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }

    /** Frees the engine memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** Primitive arrays, forward substitution per point (the estimator's code). */
    @Benchmark
    public double[] primitive() {
        return mixture.logDensities(points, n);
    }

    /** NDArray ops on the engine, result copied back to the heap as the estimator would need it. */
    @Benchmark
    public double[] ndarray() {
        try (NDManager sub = manager.newSubManager()) {
            NDArray[] cols = new NDArray[k];
            for (int c = 0; c < k; c++) {
                NDArray z = pointsNd.sub(means[c]).matMul(whiteners[c]);
                z.attach(sub);
                cols[c] = z.square().sum(new int[] {1}).mul(-0.5);
            }
            NDArray comp = k == 1 ? cols[0].expandDims(1) : NDArrays.stack(new NDList(cols), 1);
            NDArray lp = comp.add(logNorms);
            NDArray max = lp.max(new int[] {1}, true);
            NDArray out = lp.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
            return out.toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    private static double[][] lowerInverse(double[][] l) {
        int d = l.length;
        double[][] inv = new double[d][d];
        for (int col = 0; col < d; col++) {
            for (int i = col; i < d; i++) {
                double s = i == col ? 1 : 0;
                for (int p = col; p < i; p++) {
                    s -= l[i][p] * inv[p][col];
                }
                inv[i][col] = s / l[i][i];
            }
        }
        return inv;
    }

    private static double[] flatten(double[][] a) {
        int d = a.length;
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], 0, out, i * d, d);
        }
        return out;
    }
}
