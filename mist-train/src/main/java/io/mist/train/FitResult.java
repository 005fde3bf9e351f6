package io.mist.train;

import io.mist.core.TrainingHistory;
import io.mist.data.PairedData;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Trainer#fit} did: the history, why it stopped, the best validation value and where, and the
 * data it held out.
 *
 * @param history per-step and per-evaluation values
 * @param iterations steps taken
 * @param epochs epochs started
 * @param seconds wall time of the fit
 * @param stopReason why training ended
 * @param bestValidation best validation estimate (NaN when there was no validation data)
 * @param bestIteration iteration of the best validation estimate (-1 when none)
 * @param restoredBest whether the parameters were reset to those of {@code bestIteration}
 * @param validation the validation data used, if any
 * @param diagnostics notes in words (divergence, disabled early stopping, ...)
 */
public record FitResult(TrainingHistory history, int iterations, int epochs, double seconds, StopReason stopReason,
        double bestValidation, int bestIteration, boolean restoredBest, Optional<PairedData> validation,
        List<String> diagnostics) {

    /** Why training ended. */
    public enum StopReason {
        /** The iteration budget was used. */
        MAX_ITERATIONS,
        /** The epoch budget was used. */
        MAX_EPOCHS,
        /** The validation estimate stopped improving. */
        EARLY_STOPPING,
        /** A loss, estimate or validation value was NaN or infinite. */
        DIVERGED
    }

    /** Copies the diagnostics. */
    public FitResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether training diverged. */
    public boolean diverged() {
        return stopReason == StopReason.DIVERGED;
    }

    /** Training iterations per second. */
    public double iterationsPerSecond() {
        return seconds > 0 ? iterations / seconds : Double.NaN;
    }
}
