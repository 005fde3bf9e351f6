package io.mist.registry;

/** The type of an estimator option as written on the command line. */
public enum OptionType {
    /** A 32-bit integer, e.g. {@code k=3}. */
    INT("an integer"),
    /** A 64-bit integer. */
    LONG("an integer"),
    /** A finite double, e.g. {@code lr=5e-4}. */
    DOUBLE("a number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** One of a fixed set of words. */
    CHOICE("one of the listed choices"),
    /** A comma-separated list of positive integers, e.g. {@code hidden_dims=64,64}. */
    INT_LIST("a comma-separated list of integers"),
    /** Free text. */
    STRING("text");

    private final String description;

    OptionType(String description) {
        this.description = description;
    }

    /** How a value of this type is described in error messages. */
    public String description() {
        return description;
    }
}
