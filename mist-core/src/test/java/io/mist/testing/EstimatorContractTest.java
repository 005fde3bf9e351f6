package io.mist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every estimator's test extends. Subclasses say how to build the estimator and justify their
 * tolerances from the estimator's bias and standard error at the sample size used; this class checks:
 * independent data gives about 0, correlated Gaussians match the analytic MI, x and y are interchangeable
 * where the estimator is symmetric, pointwise values average to the estimate, the same seed gives the same
 * value, bad input throws {@link IllegalArgumentException} naming the argument, and repeated calls leave no
 * native memory behind.
 */
public abstract class EstimatorContractTest {
    /** Seed used by the contract's data. */
    protected static final long DATA_SEED = 20261123L;

    /** The estimator under test, built with {@code seed}. */
    protected abstract MutualInformationEstimator create(long seed);

    /** Sample size for the accuracy checks. */
    protected int sampleSize() {
        return 2000;
    }

    /**
     * The ground-truth task of the accuracy check (default: bivariate Gaussian, rho 0.6, MI 0.2231 nats);
     * estimators of discrete data override it with a discrete task of known MI.
     */
    protected GroundTruthTask gaussianTask() {
        return GaussianTask.bivariate(0.6);
    }

    /**
     * The task whose data must give about 0 (default: independent standard Gaussians of the shape of
     * {@link #gaussianTask()}); estimators of discrete data override it with an independent discrete task.
     */
    protected GroundTruthTask independentTask() {
        GroundTruthTask g = gaussianTask();
        return IndependentTask.of(g.dimX(), g.dimY());
    }

    /**
     * Allowed |estimate - truth| on {@link #gaussianTask()} at {@link #sampleSize()}: a few standard errors
     * plus the known bias, derived in the subclass.
     */
    protected abstract double gaussianTolerance(double truth, int n);

    /** Allowed |estimate| on independent data of the same shape at {@link #sampleSize()}. */
    protected abstract double independenceTolerance(int n);

    /** Whether I(X;Y) and I(Y;X) are computed the same way (to {@link #symmetryTolerance()}). */
    protected boolean symmetric() {
        return true;
    }

    /** Allowed |I(X;Y) - I(Y;X)|. */
    protected double symmetryTolerance() {
        return 1e-9;
    }

    /** Calls in the native-memory check after warm-up. */
    protected int memoryRepeats() {
        return 20;
    }

    /** Allowed growth of resident memory over {@link #memoryRepeats()} calls. */
    protected long memoryGrowthLimitBytes() {
        return 64L << 20;
    }

    /** Sample size used by the native-memory check. */
    protected int memorySampleSize() {
        return Math.min(sampleSize(), 1000);
    }

    /**
     * Allowed |difference| between two estimates with the same seed: 0 (bit-identical) unless the subclass
     * documents why its estimator is not bit-reproducible.
     */
    protected double sameSeedTolerance() {
        return 0.0;
    }

    /** Draws the contract's samples from {@code task}. */
    protected TaskSample draw(GroundTruthTask task, int n) {
        return task.sample(n, DATA_SEED);
    }

    @Test
    void independentDataGivesAboutZero() {
        GroundTruthTask ind = independentTask();
        assertEquals(0.0, ind.trueMutualInformation(), 1e-12, "independentTask() must have MI 0");
        TaskSample s = draw(ind, sampleSize());
        MIEstimate r = create(1).estimate(s.x(), s.y());
        double tol = independenceTolerance(sampleSize());
        assertTrue(Math.abs(r.value()) <= tol,
                () -> "independent data: |" + r.value() + "| should be <= " + tol);
    }

    @Test
    void gaussianMatchesGroundTruth() {
        GroundTruthTask g = gaussianTask();
        TaskSample s = draw(g, sampleSize());
        MIEstimate r = create(1).estimate(s.x(), s.y());
        double truth = g.trueMutualInformation();
        double tol = gaussianTolerance(truth, sampleSize());
        assertEquals(truth, r.value(), tol, () -> g.name() + ": estimate " + r.value() + " vs truth " + truth);
        assertEquals(sampleSize(), r.n());
        assertEquals(g.dimX(), r.dx());
        assertEquals(g.dimY(), r.dy());
        assertTrue(Double.isFinite(r.value()));
    }

    @Test
    void symmetricInXAndY() {
        Assumptions.assumeTrue(symmetric(), "estimator is not symmetric in x and y");
        TaskSample s = draw(gaussianTask(), sampleSize());
        double xy = create(1).estimate(s.x(), s.y()).value();
        double yx = create(1).estimate(s.y(), s.x()).value();
        assertEquals(xy, yx, symmetryTolerance());
    }

    @Test
    void pointwiseValuesAverageToTheEstimate() {
        TaskSample s = draw(gaussianTask(), sampleSize());
        MIEstimate r = create(1).estimate(s.x(), s.y());
        Optional<double[]> pw = r.pointwise();
        Assumptions.assumeTrue(pw.isPresent(), "estimator reports no pointwise values");
        double mean = 0;
        for (double v : pw.get()) {
            mean += v;
        }
        mean /= pw.get().length;
        assertEquals(r.value(), mean, 1e-9 * Math.max(1, Math.abs(r.value())));
    }

    @Test
    void sameSeedGivesSameValue() {
        TaskSample s = draw(gaussianTask(), sampleSize());
        MIEstimate a = create(7).estimate(s.x(), s.y());
        MIEstimate b = create(7).estimate(s.x(), s.y());
        assertEquals(a.value(), b.value(), sameSeedTolerance());
        assertEquals(7L, a.seed());
    }

    @Test
    void mismatchedSampleCountsAreRejected() {
        TaskSample s = draw(gaussianTask(), 100);
        Samples shorter = s.y().rows(0, 99);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(1).estimate(s.x(), shorter));
        assertTrue(e.getMessage().contains("same number of samples"), e::getMessage);
        assertTrue(e.getMessage().contains("100") && e.getMessage().contains("99"), e::getMessage);
    }

    @Test
    void nonFiniteInputIsRejectedWithItsPosition() {
        TaskSample s = draw(gaussianTask(), 50);
        double[][] x = s.x().toArray();
        double[][] y = s.y().toArray();
        x[7][0] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(1).estimate(x, y));
        assertTrue(e.getMessage().contains("x: value at row 7, column 0 is NaN"), e::getMessage);
        x[7][0] = 0;
        y[3][y[3].length - 1] = Double.POSITIVE_INFINITY;
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> create(1).estimate(x, y));
        assertTrue(f.getMessage().contains("y: value at row 3, column " + (y[3].length - 1) + " is infinite"),
                f::getMessage);
    }

    @Test
    void nullInputIsRejectedNamingTheArgument() {
        TaskSample s = draw(gaussianTask(), 50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> create(1).estimate(null, s.y()));
        assertTrue(e.getMessage().startsWith("x"), e::getMessage);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> create(1).estimate(s.x(), (Samples) null));
        assertTrue(f.getMessage().startsWith("y"), f::getMessage);
    }

    @Test
    void repeatedCallsLeaveNoNativeMemoryBehind() {
        long before0 = NativeMemory.residentBytes();
        Assumptions.assumeTrue(before0 > 0, "no /proc on this platform");
        TaskSample s = draw(gaussianTask(), memorySampleSize());
        MutualInformationEstimator est = create(3);
        for (int i = 0; i < 3; i++) {
            est.estimate(s.x(), s.y());
        }
        long first = nativeGrowth(est, s);
        // A leak grows in every block of calls; one-time growth (JIT code and compiler arenas, malloc arenas of
        // new threads) does not repeat, so a block over the limit is measured once more before failing.
        long growth = first < memoryGrowthLimitBytes() ? first : Math.min(first, nativeGrowth(est, s));
        assertTrue(growth < memoryGrowthLimitBytes(),
                () -> "resident memory outside the Java heap grew by " + (first >> 20) + " MiB and then by "
                        + (growth >> 20) + " MiB over two blocks of " + memoryRepeats() + " calls");
    }

    /**
     * Growth over one block of calls: the smaller of the resident set's growth and that of the resident set
     * less the committed heap. A native leak raises both; the heap growing into fresh pages raises only the
     * first, and the collector shrinking the committed heap while its pages stay resident only the second
     * (measured: a flat resident set of 345 MiB read as 125 MiB of growth per block by the second alone).
     */
    private long nativeGrowth(MutualInformationEstimator est, TaskSample s) {
        long rss = NativeMemory.settledResidentBytes();
        long outside = rss - Runtime.getRuntime().totalMemory();
        for (int i = 0; i < memoryRepeats(); i++) {
            est.estimate(s.x(), s.y());
        }
        long rssAfter = NativeMemory.settledResidentBytes();
        long outsideAfter = rssAfter - Runtime.getRuntime().totalMemory();
        return Math.min(rssAfter - rss, outsideAfter - outside);
    }
}
