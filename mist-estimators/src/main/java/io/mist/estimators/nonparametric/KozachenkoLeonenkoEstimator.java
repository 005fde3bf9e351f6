package io.mist.estimators.nonparametric;

import io.mist.core.internal.Checks;
import io.mist.core.EntropyEstimate;
import io.mist.core.EntropyEstimator;
import io.mist.core.internal.Parallel;
import io.mist.core.Samples;
import io.mist.estimators.nonparametric.internal.JointSearch;

import java.util.List;

/**
 * The Kozachenko-Leonenko k-nearest-neighbour estimator of differential entropy (Kozachenko and Leonenko
 * 1987, "Sample estimate of the entropy of a random vector", Probl. Inf. Transm. 23; in the max-norm form
 * of Kraskov et al. 2004, eq. 20): with {@code eps_i} the max-norm distance from sample {@code i} to its
 * k-th nearest neighbour, whose ball has volume {@code (2 eps_i)^d},
 * {@code H = psi(N) - psi(k) + d <log(2 eps_i)>} nats. Consistent and asymptotically unbiased; not scale
 * invariant, so the data are used as given (only tie-breaking noise of {@code noise} standard deviations
 * is added, seeded). Same neighbour search as {@link KsgEstimator}.
 */
public final class KozachenkoLeonenkoEstimator implements EntropyEstimator {
    /** Registered name. */
    public static final String NAME = "entropy-kl";

    private final KlEntropyConfig config;

    /** An estimator with the given settings. */
    public KozachenkoLeonenkoEstimator(KlEntropyConfig config) {
        this.config = Checks.notNull("config", config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public EntropyEstimate estimate(Samples x) {
        Checks.notNull("x", x);
        int n = x.n();
        int d = x.dim();
        int k = config.k();
        KnnData.requireK(NAME, n, k);
        long t0 = System.nanoTime();
        double[] xs = KnnData.prepare(x, "x", false, config.noise(), config.seed(), 0);
        JointSearch search = JointSearch.of(xs, n, d);
        double[] logEps = new double[n];
        Parallel.forRange(n, config.threads(), (from, to) -> {
            JointSearch.Cursor c = search.cursor(k);
            for (int p = from; p < to; p++) {
                logEps[c.originalIndex(p)] = Math.log(2 * c.search(p));
            }
        });
        double mean = KnnData.mean(logEps);
        if (!Double.isFinite(mean)) {
            throw Checks.fail("x: at least %d samples coincide (zero neighbour distance); entropy-kl needs "
                    + "continuous data (use noise > 0 to break ties)", k + 1);
        }
        double h = KnnData.digamma(n) - KnnData.digamma(k) + d * mean;
        return new EntropyEstimate(NAME, h, n, d, config.seed(),
                List.of(Checks.format("Kozachenko-Leonenko, k = %d, max-norm", k)), (System.nanoTime() - t0) / 1e9);
    }
}
