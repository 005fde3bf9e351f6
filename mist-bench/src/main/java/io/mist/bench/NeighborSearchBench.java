package io.mist.bench;

import io.mist.estimators.nonparametric.internal.JointSearch;
import io.mist.estimators.nonparametric.internal.KdTree;
import io.mist.estimators.nonparametric.internal.NeighborCounter;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the KSG building blocks on correlated Gaussians (rho 0.6), single thread: building the joint k-d
 * tree, the k = 3 joint search over all points, and the marginal counts at the resulting radii.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class NeighborSearchBench {
    /** Samples. */
    @Param({"100000"})
    public int n;

    /** Dimension of each of x and y. */
    @Param({"1", "5"})
    public int d;

    private double[] x;
    private double[] joint;
    private KdTree tree;
    private NeighborCounter counter;
    private double[] eps;
    private int[] index;

    /** Draws the data and runs the search once for the count benchmark's radii. */
    @Setup
    public void setup() {
        Random r = new Random(1);
        x = new double[n * d];
        double[] y = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            x[i] = r.nextGaussian();
            y[i] = 0.6 * x[i] + 0.8 * r.nextGaussian();
        }
        joint = new double[n * 2 * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, joint, i * 2 * d, d);
            System.arraycopy(y, i * d, joint, i * 2 * d + d, d);
        }
        tree = KdTree.build(joint, n, 2 * d);
        counter = NeighborCounter.of(x, n, d);
        eps = new double[n];
        index = new int[n];
        JointSearch.Cursor c = tree.cursor(3);
        for (int p = 0; p < n; p++) {
            eps[p] = c.search(p);
            index[p] = c.originalIndex(p);
        }
    }

    /** Builds the joint tree. */
    @Benchmark
    public KdTree buildJointTree() {
        return KdTree.build(joint, n, 2 * d);
    }

    /** k = 3 joint neighbour search for every point. */
    @Benchmark
    public double jointSearch() {
        JointSearch.Cursor c = tree.cursor(3);
        double s = 0;
        for (int p = 0; p < n; p++) {
            s += c.search(p);
        }
        return s;
    }

    /** Strict marginal counts in x at the joint radii, in joint-tree order. */
    @Benchmark
    public long marginalCounts() {
        long s = 0;
        for (int p = 0; p < n; p++) {
            s += counter.count(index[p], eps[p], true);
        }
        return s;
    }
}
