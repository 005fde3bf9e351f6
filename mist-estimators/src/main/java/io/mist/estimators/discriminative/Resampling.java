package io.mist.estimators.discriminative;

import java.util.Locale;

/**
 * How the product-of-marginals samples of a batch are drawn ({@code resampling}, the MINE / MI-NEE notebook's
 * choice): the negatives of {@code x_i} are y's of the same (shuffled) batch, paired
 * <ul>
 * <li>{@link #PERMUTATION} (the default, what every discriminative estimator does): without replacement,
 * by distinct cyclic shifts {@code y_((i + s) mod B)}, {@code s != 0}, so the {@code M} negatives of a column
 * are distinct rows and never the positive's own y (unless {@code neg_samples = 0} includes it);</li>
 * <li>{@link #WITH_REPLACEMENT}: each negative {@code y_K} with {@code K} drawn uniformly from the batch,
 * independently for every entry of the {@code [M, B]} matrix, so a column may repeat a y and may pair
 * {@code x_i} with its own {@code y_i} (probability {@code 1/B} per draw).</li>
 * </ul>
 * Neither gives independent samples of {@code P_X x P_Y} (the notebook's exercise); both are identically
 * distributed as such.
 */
public enum Resampling {
    /** Without replacement: distinct cyclic shifts of the batch. */
    PERMUTATION,
    /** With replacement: independent uniform draws from the batch. */
    WITH_REPLACEMENT;

    /** The option value. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
