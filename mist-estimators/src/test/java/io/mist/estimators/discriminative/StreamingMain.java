package io.mist.estimators.discriminative;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.train.data.NpyData;

import java.nio.file.Path;

/**
 * Run in a forked JVM with a small heap by {@link StreamingEstimateTest}: trains {@code smile} on two
 * {@code .npy} files through {@link EstimateMI} and prints the heap limit and the result.
 */
public final class StreamingMain {
    private StreamingMain() {
    }

    /** Arguments: x.npy y.npy iterations. */
    public static void main(String[] args) {
        MIEstimate r = EstimateMI.with("smile").option("max_iterations", args[2]).option("batch_size", 256).option("folds", 1)
                .option("device", "cpu").seed(5).estimate(NpyData.open(Path.of(args[0]), Path.of(args[1])));
        System.out.println("max_heap_bytes=" + Runtime.getRuntime().maxMemory());
        System.out.println("n=" + r.n());
        System.out.println("value=" + r.value());
    }
}
