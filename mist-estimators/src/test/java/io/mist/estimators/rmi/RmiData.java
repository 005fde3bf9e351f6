package io.mist.estimators.rmi;

import io.mist.core.Samples;
import io.mist.core.internal.Seeds;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Test data: Gaussian samples with independent axes of the given standard deviations. */
final class RmiData {
    private RmiData() {
    }

    /** {@code n} rows of independent N(0, sd_j^2) columns. */
    static Samples gaussian(int n, long seed, double... sd) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(Seeds.rng(seed));
        double[] v = new double[n * sd.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < sd.length; j++) {
                v[i * sd.length + j] = sd[j] * g.sample();
            }
        }
        return Samples.ofRowMajor("x", v, n, sd.length);
    }
}
