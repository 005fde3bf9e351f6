package io.mist.estimators.discriminative;

import java.util.Locale;

/** MI-NEE's reference distributions {@code Q_X}, {@code Q_Y} ({@code reference}). */
public enum ReferenceType {
    /** The Gaussian of the training rows' mean and covariance (the default). */
    GAUSSIAN,
    /** Uniform on the training rows' bounding box (the MI-NEE paper's and notebook's choice). */
    UNIFORM;

    /** The option value. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
