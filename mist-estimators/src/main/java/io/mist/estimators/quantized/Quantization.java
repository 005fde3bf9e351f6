package io.mist.estimators.quantized;

import io.mist.core.Quantizer;
import io.mist.core.Samples;

import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;

/** How a quantized estimator cuts a variable into bins ({@code quantization}). */
public enum Quantization {
    /** Vector quantization by k-means ({@link KMeansQuantizer}): {@code n_bins} cells in all (torch_mist's). */
    KMEANS,
    /** Equal-width bins per column ({@link GridQuantizer#equalWidth}): {@code n_bins^d} cells. */
    EQUAL_WIDTH,
    /** Equal-frequency bins per column ({@link GridQuantizer#quantile}): {@code n_bins^d} cells. */
    QUANTILE;

    /** The option value, e.g. {@code equal_width}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A quantizer of {@code bins} fitted to {@code s} ({@code rng} is used by k-means only). */
    public Quantizer fit(Samples s, int bins, UniformRandomProvider rng) {
        return switch (this) {
            case KMEANS -> KMeansQuantizer.fit(s, bins, rng);
            case EQUAL_WIDTH -> GridQuantizer.equalWidth(s, bins);
            case QUANTILE -> GridQuantizer.quantile(s, bins);
        };
    }
}
