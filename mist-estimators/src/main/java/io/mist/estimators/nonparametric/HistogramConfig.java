package io.mist.estimators.nonparametric;

import static io.mist.registry.OptionSchema.booleanOption;

import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;

import java.util.Locale;

/**
 * Settings of {@link HistogramEstimator}, validated on construction; options described once in
 * {@link #SCHEMA}.
 *
 * @param bins bins per column: a rule or a fixed count (option {@code bins}; default {@code auto})
 * @param quantile equal-frequency bins instead of equal-width (option {@code quantile}; default false)
 * @param millerMadow add the Miller-Madow bias correction (option {@code miller_madow}; default true)
 * @param seed recorded seed (the estimator is deterministic)
 */
public record HistogramConfig(Bins bins, boolean quantile, boolean millerMadow, long seed) {
    /** Default bin rule. */
    public static final Bins DEFAULT_BINS = Bins.of(Bins.Rule.AUTO);
    /** Default of {@code quantile}. */
    public static final boolean DEFAULT_QUANTILE = false;

    /** The options of {@code histogram}. */
    public static final OptionSchema<Builder> SCHEMA = OptionSchema.of(
            new OptionSchema.Binding<Builder>(OptionSpec.ofString("bins", DEFAULT_BINS.label(),
                    "bins per column: auto, fd, sturges, sqrt or a number"),
                    (b, v) -> b.bins(Bins.parse((String) v))),
            booleanOption("quantile", DEFAULT_QUANTILE, "equal-frequency bins instead of equal-width",
                    Builder::quantile),
            booleanOption("miller_madow", DiscreteConfig.DEFAULT_MILLER_MADOW, "add the Miller-Madow bias correction",
                    Builder::millerMadow));

    /** Checks the settings. */
    public HistogramConfig {
        Checks.notNull("bins", bins);
    }

    /** The defaults. */
    public static HistogramConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A bin rule per column: {@code auto} (the larger of Sturges and Freedman-Diaconis, as NumPy), {@code fd}
     * (Freedman-Diaconis), {@code sturges}, {@code sqrt}, or a fixed count.
     *
     * @param rule the rule
     * @param count the fixed count for {@link Rule#FIXED} (at least 1), 0 otherwise
     */
    public record Bins(Rule rule, int count) {
        /** The rules. */
        public enum Rule {
            /** max(Sturges, Freedman-Diaconis). */
            AUTO,
            /** Freedman-Diaconis: width 2 IQR n^(-1/3). */
            FD,
            /** Sturges: ceil(log2 n) + 1. */
            STURGES,
            /** ceil(sqrt n). */
            SQRT,
            /** A fixed count. */
            FIXED
        }

        /** Validates: a positive count for a fixed rule, none otherwise. */
        public Bins {
            Checks.notNull("bins", rule);
            if (rule == Rule.FIXED) {
                Checks.atLeast("bins", count, 1);
            } else if (count != 0) {
                throw Checks.invalid("bins", "bins: rule %s takes no count, got %d", rule, count);
            }
        }

        /** A rule other than {@link Rule#FIXED}. */
        public static Bins of(Rule rule) {
            return new Bins(rule, 0);
        }

        /** A fixed count. */
        public static Bins fixed(int count) {
            return new Bins(Rule.FIXED, count);
        }

        /**
         * Parses the option's spelling.
         *
         * @throws io.mist.core.InvalidOptionException naming {@code bins}
         */
        public static Bins parse(String text) {
            String t = Checks.notNull("bins", text).trim().toLowerCase(Locale.ROOT);
            for (Rule r : Rule.values()) {
                if (r != Rule.FIXED && r.name().toLowerCase(Locale.ROOT).equals(t)) {
                    return of(r);
                }
            }
            try {
                return fixed(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                throw Checks.invalid("bins", "bins must be auto, fd, sturges, sqrt or a positive integer, got '%s'",
                        text);
            }
        }

        /** The option's spelling. */
        public String label() {
            return rule == Rule.FIXED ? Integer.toString(count) : rule.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Builder starting from the defaults; {@link #build()} calls the validating constructor. */
    public static final class Builder {
        private Bins bins = DEFAULT_BINS;
        private boolean quantile = DEFAULT_QUANTILE;
        private boolean millerMadow = DiscreteConfig.DEFAULT_MILLER_MADOW;
        private long seed = Seeds.DEFAULT_SEED;

        private Builder() {
        }

        /** The bin rule. */
        public Builder bins(Bins v) {
            this.bins = v;
            return this;
        }

        /** Equal-frequency bins. */
        public Builder quantile(boolean v) {
            this.quantile = v;
            return this;
        }

        /** The Miller-Madow correction. */
        public Builder millerMadow(boolean v) {
            this.millerMadow = v;
            return this;
        }

        /** The recorded seed. */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /** The validated config. */
        public HistogramConfig build() {
            return new HistogramConfig(bins, quantile, millerMadow, seed);
        }
    }
}
