package io.mist.estimators.generative;

import io.mist.core.EntropyEstimate;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.estimators.nonparametric.KlEntropyConfig;
import io.mist.estimators.nonparametric.KozachenkoLeonenkoEstimator;

/**
 * BA's {@code H(Y)} in nats, in the data's units: the {@code entropy_y} option when given, else the
 * Kozachenko-Leonenko k-NN estimate ({@code k = 3}, seeded by the training seed) of the y rows, with a diagnostic
 * saying which.
 *
 * @param value {@code H(Y)} in nats
 * @param note one line for the result's diagnostics
 */
public record EntropyOfY(double value, String note) {
    /** {@code H(Y)} for {@code config} on the rows {@code y}. */
    public static EntropyOfY of(GenerativeConfig config, Samples y) {
        if (config.entropyY().isPresent()) {
            double h = config.entropyY().getAsDouble();
            return new EntropyOfY(h, Checks.format("H(Y) = %.4f nats given as entropy_y", h));
        }
        EntropyEstimate h = new KozachenkoLeonenkoEstimator(KlEntropyConfig.builder().threads(1)
                .seed(config.train().seed()).build()).estimate(y);
        return new EntropyOfY(h.value(), Checks.format("H(Y) = %.4f nats estimated by Kozachenko-Leonenko (k = 3) on "
                + "all %d rows (entropy_y not given); the value is a lower bound only up to that estimate's error",
                h.value(), h.n()));
    }
}
