package io.mist.testing;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;

/**
 * A test statistic with a known sampling distribution, standing in for an MI estimator in tests of the
 * generic machinery (resampling, permutation tests, registry): the mean of {@code x_i y_i} over the first
 * columns, plus an optional offset. For a standard bivariate Gaussian with correlation {@code rho} its
 * standard error is {@code sqrt((1 + rho^2) / n)}. Not an MI estimator.
 */
public final class MeanProductEstimator implements MutualInformationEstimator {
    private final ResamplingScheme scheme;
    private final double offset;
    private final long seed;

    /** A statistic resampled with {@code scheme}, shifted by {@code offset}. */
    public MeanProductEstimator(ResamplingScheme scheme, double offset, long seed) {
        this.scheme = Checks.notNull("scheme", scheme);
        this.offset = offset;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "test-mean-product";
    }

    @Override
    public long seed() {
        return seed;
    }

    /** The offset added to the mean product. */
    public double offset() {
        return offset;
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return scheme;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        double s = 0;
        for (int i = 0; i < x.n(); i++) {
            s += x.get(i, 0) * y.get(i, 0);
        }
        return MIEstimate.builder(name(), s / x.n() + offset).shape(x, y).seed(seed).build();
    }
}
