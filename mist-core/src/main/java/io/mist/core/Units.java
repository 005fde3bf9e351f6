package io.mist.core;

/**
 * Explicit unit conversion. Every value inside mist-jvm is in nats (natural logarithm); bits appear only
 * where a caller converts with this class.
 */
public final class Units {
    /** ln 2: nats per bit. */
    public static final double LN2 = Math.log(2.0);

    private Units() {
    }

    /** Converts nats to bits. */
    public static double natsToBits(double nats) {
        return nats / LN2;
    }

    /** Converts bits to nats. */
    public static double bitsToNats(double bits) {
        return bits * LN2;
    }
}
