package io.mist.core;

import ai.djl.ndarray.NDArray;

/** A quantizer {@code Q(x)} mapping each row to one of {@link #numBins()} integer codes. */
public interface Quantizer {
    /** Codes in {@code [0, numBins())}, shape {@code [B]}, integer type. */
    NDArray quantize(NDArray x);

    /** Number of codes. */
    int numBins();
}
