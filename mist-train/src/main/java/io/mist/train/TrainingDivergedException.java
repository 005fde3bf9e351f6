package io.mist.train;

/** Thrown when training produced a non-finite loss or estimate before any usable parameters existed. */
public final class TrainingDivergedException extends IllegalStateException {
    private final transient FitResult result;

    /** An exception carrying the fit's record. */
    public TrainingDivergedException(String message, FitResult result) {
        super(message);
        this.result = result;
    }

    /** The fit's record (history up to the divergence). */
    public FitResult result() {
        return result;
    }
}
