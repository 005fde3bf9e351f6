package io.mist.core;

import io.mist.core.internal.Checks;

/**
 * A rejected setting or argument, carrying the name the user typed for it (an option such as
 * {@code batch_size}, or an argument such as {@code threads}), so that front ends can point at it without
 * parsing the message. The message is one line that names the setting and says what is accepted.
 */
public class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String option;

    /** The setting named {@code option}, with a one-line {@code message} that names it too. */
    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The setting's name as the user typed it, e.g. {@code "batch_size"}. */
    public String option() {
        return option;
    }

    /** This failure with the estimator named: {@code option 'k' of estimator 'ksg': <message>}. */
    public InvalidOptionException forEstimator(String estimator) {
        InvalidOptionException e = new InvalidOptionException(option,
                Checks.format("option '%s' of estimator '%s': %s", option, estimator, getMessage()));
        e.initCause(this);
        return e;
    }
}
