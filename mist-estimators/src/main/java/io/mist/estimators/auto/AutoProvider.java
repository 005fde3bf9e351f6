package io.mist.estimators.auto;

import io.mist.core.internal.Checks;
import io.mist.core.MutualInformationEstimator;
import io.mist.registry.DataKind;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;
import io.mist.train.TrainConfig;

import java.util.List;
import java.util.Map;

/** Registry entry {@code "auto"}: {@link AutoEstimator}. */
public final class AutoProvider implements EstimatorProvider {
    /** The provider. */
    public AutoProvider() {
    }

    @Override
    public String name() {
        return AutoEstimator.NAME;
    }

    @Override
    public String description() {
        return "chooses by the data: discrete, ksg-mixed, ksg (dx + dy <= 4) or cross-fitted smile; always a "
                + "standard error (the default)";
    }

    @Override
    public String family() {
        return "auto";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.ofInt("replicates", AutoEstimator.DEFAULT_REPLICATES,
                "resampling rounds for the standard error of a chosen estimator without its own"),
                OptionSpec.ofInt("threads", 0, "worker threads for those rounds (0 = all cores)"),
                OptionSpec.ofInt("max_iterations", TrainConfig.DEFAULT_MAX_ITERATIONS,
                        "training iterations per fold when a neural estimator is chosen"),
                OptionSpec.ofBoolean(OptionSchema.PROGRESS, false,
                        "show a training progress bar on standard error when a neural estimator is chosen"));
    }

    @Override
    public MutualInformationEstimator create(EstimatorOptions options) {
        int replicates = options.getInt("replicates");
        if (replicates < 2) {
            throw Checks.invalid("replicates", "option 'replicates' of estimator 'auto': replicates must be at least "
                    + "2, got %d", replicates);
        }
        int threads;
        try {
            threads = Checks.threads("threads", options.getInt("threads"));
        } catch (io.mist.core.InvalidOptionException e) {
            throw e.forEstimator(name());
        }
        return new AutoEstimator(replicates, threads,
                Map.of(OptionSchema.PROGRESS, Boolean.toString(options.getBoolean(
                        OptionSchema.PROGRESS)), "max_iterations",
                        Integer.toString(options.getInt("max_iterations"))), options.seed());
    }

    @Override
    public Map<String, String> demoOptions() {
        return Map.of("max_iterations", "300");
    }

    @Override
    public boolean supports(DataKind kind, int dx, int dy) {
        return true;
    }
}
