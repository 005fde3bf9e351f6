package io.mist.registry;

import io.mist.core.internal.Checks;
import io.mist.core.InvalidOptionException;
import io.mist.core.MutualInformationEstimator;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A provider generated from an estimator's config schema: the options are the schema's, and
 * {@link #create} starts a builder (seed and other typed request values set), applies every option, and
 * builds. A value the config rejects fails with an {@link InvalidOptionException} naming the option as the
 * user typed it and the estimator. Subclasses only pass their parts to the constructor.
 *
 * @param <B> the config builder
 */
public abstract class ConfigProvider<B> implements EstimatorProvider {
    private final String name;
    private final String family;
    private final String description;
    private final Capabilities capabilities;
    private final Supplier<OptionSchema<B>> schemaSource;
    private volatile OptionSchema<B> schema;
    private final Function<EstimatorOptions, B> start;
    private final BiFunction<B, EstimatorOptions, MutualInformationEstimator> build;

    /**
     * A provider.
     *
     * @param name registered name
     * @param family family, e.g. {@code "nonparametric"}
     * @param description one line for {@code mist list}
     * @param capabilities what the estimator can do
     * @param schema the config's options, read on first use (so that listing providers loads no config class,
     *     and with it no engine class, of an estimator that is not used)
     * @param start a fresh builder for these options (seed, replicates, listeners set)
     * @param build the estimator from the builder after every option was applied (and the options, for
     *     typed request values such as {@link EstimatorOptions#replicates()})
     */
    protected ConfigProvider(String name, String family, String description, Capabilities capabilities,
            Supplier<OptionSchema<B>> schema, Function<EstimatorOptions, B> start,
            BiFunction<B, EstimatorOptions, MutualInformationEstimator> build) {
        this.name = Checks.notNull("name", name);
        this.family = Checks.notNull("family", family);
        this.description = Checks.notNull("description", description);
        this.capabilities = Checks.notNull("capabilities", capabilities);
        this.schemaSource = Checks.notNull("schema", schema);
        this.start = Checks.notNull("start", start);
        this.build = Checks.notNull("build", build);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String family() {
        return family;
    }

    @Override
    public final List<OptionSpec> options() {
        return schema().specs();
    }

    private OptionSchema<B> schema() {
        OptionSchema<B> s = schema;
        if (s == null) {
            s = Checks.notNull("schema", schemaSource.get());
            schema = s;
        }
        return s;
    }

    @Override
    public final Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public final MutualInformationEstimator create(EstimatorOptions options) {
        try {
            return build.apply(schema().apply(options, start.apply(options)), options);
        } catch (InvalidOptionException e) {
            throw e.forEstimator(name);
        }
    }
}
