package io.mist.train;

import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;

import java.util.Arrays;

/**
 * The training and validation data of a fit: the config's validation data when given (then all of the data
 * trains), nothing held out when {@code validFraction} is 0, else a seeded split of the rows.
 *
 * @param train the training rows
 * @param valid the validation rows, or null when there are none
 */
record ValidationSplit(PairedData train, PairedData valid) {

    /** The split of {@code data} under {@code config}. */
    static ValidationSplit of(PairedData data, TrainConfig config) {
        if (config.validationData().isPresent()) {
            return new ValidationSplit(data, config.validationData().get());
        }
        if (config.validFraction() == 0) {
            return new ValidationSplit(data, null);
        }
        int[][] rows = rows(data.size(), config);
        return new ValidationSplit(data.subset(rows[0]), data.subset(rows[1]));
    }

    /**
     * Rows {@code {train, valid}} of {@code n}: with a fraction {@code f > 0} and no validation data,
     * {@code max(1, min(round(n f), n - 2))} validation rows first of a permutation drawn from stream
     * stream {@link RandomStream#TRAIN_SPLIT} of the seed, the rest training; each part sorted. Otherwise all rows train.
     */
    static int[][] rows(int n, TrainConfig config) {
        if (config.validationData().isPresent() || config.validFraction() == 0) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new int[][] {all, new int[0]};
        }
        if (n < 3) {
            throw Checks.fail("need at least 3 samples to hold out validation data, got %d (or set "
                    + "valid_percentage to 0)", n);
        }
        int nValid = (int) Math.round(n * config.validFraction());
        nValid = Math.max(1, Math.min(nValid, n - 2));
        int[] perm = Seeds.permutation(n, Seeds.rng(config.seed(), RandomStream.TRAIN_SPLIT));
        int[] valid = Arrays.copyOfRange(perm, 0, nValid);
        int[] train = Arrays.copyOfRange(perm, nValid, n);
        Arrays.sort(valid);
        Arrays.sort(train);
        return new int[][] {train, valid};
    }

    /** Validation rows, 0 when there are none. */
    int validSize() {
        return valid == null ? 0 : valid.size();
    }
}
