package io.mist.estimators.rmi;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Where {@link FeatureExtraction} gets its training batches: {@code batch(step)} gives the samples of x for
 * training step {@code step} (from 0). It must be deterministic in {@code step} for a training run to be
 * reproducible (draw from a generator seeded by the step, or read rows in a fixed order).
 */
@FunctionalInterface
public interface BatchSupplier {
    /** The batch of step {@code step}: at least 2 rows of the feature's input dimension. */
    Samples batch(int step);

    /**
     * Batches of {@code batchSize} rows drawn with replacement from {@code data}, the rows of step {@code s}
     * from a generator seeded by {@code seed} and {@code s}.
     */
    static BatchSupplier sampling(Samples data, int batchSize, long seed) {
        Checks.notNull("data", data);
        Checks.atLeast("batch_size", batchSize, 2);
        return step -> {
            UniformRandomProvider rng = Seeds.rng(Seeds.derive(seed, RandomStream.RMI_FEATURE_BATCHES, 0), step);
            int[] rows = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                rows[i] = rng.nextInt(data.n());
            }
            return data.rows(rows);
        };
    }
}
