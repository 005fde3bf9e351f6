package io.mist.cli;

import io.mist.estimators.nonparametric.EntropyEstimators;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSpec;
import io.mist.registry.OptionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code docs/options.md}, generated from the estimators' option descriptions (the same ones {@code mist list}
 * prints and the CLI parses): {@code mist list --markdown > docs/options.md}. A test regenerates it and
 * compares, so the page cannot drift from the code.
 */
final class OptionsPage {
    private OptionsPage() {
    }

    /** The page. */
    static String markdown(EstimatorRegistry registry) {
        StringBuilder b = new StringBuilder();
        b.append("# Estimator options\n\n")
                .append("Generated from each estimator's config by `mist list --markdown > docs/options.md`; a test ")
                .append("fails when this page and the code disagree. Options are given as `--option key=value` on ")
                .append("the command line and `.option(key, value)` in Java.\n");
        for (EstimatorProvider p : registry.providers()) {
            b.append("\n## `").append(p.name()).append("` (").append(p.family()).append(")\n\n")
                    .append(p.description()).append(".\n\n").append("Capabilities: ")
                    .append(String.join(", ", capabilities(p))).append(".\n");
            table(b, p.options());
        }
        for (String name : EntropyEstimators.names()) {
            b.append("\n## `").append(name).append("` (entropy, `mist entropy`)\n\n")
                    .append(EntropyEstimators.description(name)).append(".\n");
            table(b, EntropyEstimators.options(name));
        }
        return b.toString();
    }

    /** The provider's capabilities in words. */
    static List<String> capabilities(EstimatorProvider p) {
        List<String> c = new ArrayList<>();
        c.add("input " + String.join(" or ", p.inputKinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT))
                .sorted().toList()));
        if (p.supportsConditional()) {
            c.add("conditional MI (`--z`)");
        }
        if (p.trains()) {
            c.add("trains (progress listeners)");
        }
        if (p.ownUncertainty()) {
            c.add("own standard error (`--bootstrap B` sets its replicates)");
        }
        if (p.pointwise()) {
            c.add("pointwise values");
        }
        return c;
    }

    /** Appends the options table (or "No options."). */
    static void table(StringBuilder b, List<OptionSpec> options) {
        if (options.isEmpty()) {
            b.append("\nNo options.\n");
            return;
        }
        b.append("\n| option | type | default | description |\n| --- | --- | --- | --- |\n");
        for (OptionSpec o : options) {
            String type = o.type() == OptionType.CHOICE ? String.join(" \\| ", o.choices())
                    : o.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            b.append("| `").append(o.name()).append("` | ").append(type).append(" | `").append(o.defaultValue())
                    .append("` | ").append(o.description().replace("|", "\\|")).append(" |\n");
        }
    }
}
