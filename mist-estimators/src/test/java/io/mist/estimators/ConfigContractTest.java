package io.mist.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.ConditionalMutualInformationEstimator;
import io.mist.core.InvalidOptionException;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.Samples;
import io.mist.estimators.discriminative.Bound;
import io.mist.estimators.discriminative.DiscriminativeConfig;
import io.mist.estimators.generative.Generative;
import io.mist.estimators.generative.GenerativeConfig;
import io.mist.estimators.gmm.FittedGmm;
import io.mist.estimators.gmm.GmmConfig;
import io.mist.estimators.latent.LatentConfig;
import io.mist.estimators.nonparametric.DiscreteConfig;
import io.mist.estimators.nonparametric.HistogramConfig;
import io.mist.estimators.nonparametric.KlEntropyConfig;
import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.estimators.nonparametric.MixedKsgConfig;
import io.mist.registry.DataKind;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSchema;
import io.mist.registry.OptionSpec;
import io.mist.registry.OptionType;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.train.DeviceChoice;
import io.mist.train.TrainConfig;
import io.mist.train.data.NpyWriter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config contract of every estimator: validation in the compact constructor (no unvalidated path),
 * failures that name the option as the user types it, option descriptions whose defaults are the configs'
 * defaults, and typed capabilities that match what the estimators do.
 */
class ConfigContractTest {
    private static void rejects(String option, Supplier<?> construct) {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, construct::get);
        assertEquals(option, e.option(), e::getMessage);
        assertTrue(e.getMessage().contains(option), e::getMessage);
    }

    @Test
    void everyConfigValidatesInItsConstructor() {
        rejects("k", () -> new KsgConfig(0, KsgConfig.Algorithm.ONE, true, 0, 1, 1));
        rejects("noise", () -> new KsgConfig(3, KsgConfig.Algorithm.ONE, true, -1, 1, 1));
        rejects("threads", () -> new KsgConfig(3, KsgConfig.Algorithm.ONE, true, 0, -1, 1));
        rejects("algorithm", () -> new KsgConfig(3, null, true, 0, 1, 1));
        rejects("k", () -> new MixedKsgConfig(0, MixedKsgConfig.Method.AUTO, true, 1, 1));
        rejects("noise", () -> new KlEntropyConfig(3, Double.NaN, 1, 1));
        rejects("bins", () -> new HistogramConfig(null, false, true, 1));
        rejects("bins", () -> HistogramConfig.Bins.fixed(0));
        rejects("n_folds", () -> GmmConfig.builder().nFolds(1).build());
        TrainConfig ok = TrainConfig.builder().build();
        rejects("batch_size", () -> new TrainConfig(1, Optional.empty(), Optional.empty(), 5e-4, 0.9, 0.999, 1e-8, 0,
                TrainConfig.Annealing.NONE, 0.1, Optional.empty(), Optional.empty(), true, 10, 1e-3, 0, 0,
                DeviceChoice.CPU, 1, 1, List.of()));
        rejects("lr", () -> ok.toBuilder().learningRate(-1).build());
        rejects("valid_percentage", () -> ok.toBuilder().validFraction(1.5).build());
        rejects("max_epochs", () -> ok.toBuilder().maxEpochs(-2).build());
        rejects("hidden_dims", () -> new DiscriminativeConfig(Bound.SMILE, List.of(), Bound.SMILE.defaultCritic(), 1,
                5, 0.9, 0.01, ok, DiscriminativeConfig.DEFAULT_ACTIVATION, DiscriminativeConfig.DEFAULT_INIT,
                DiscriminativeConfig.DEFAULT_BASELINE, 1, true, 5));
        rejects("folds", () -> DiscriminativeConfig.builder(Bound.SMILE).folds(0).build());
        rejects("n_marginal_transforms", () -> GenerativeConfig.builder(Generative.DOE).nMarginalTransforms(0)
                .build());
        rejects("n_conditional_transforms", () -> GenerativeConfig.builder(Generative.DOE).nTransforms(0).build());
        rejects("n_transforms", () -> GenerativeConfig.builder(Generative.CLUB).nTransforms(0).build());
        rejects("entropy_y", () -> GenerativeConfig.builder(Generative.BA).entropyY("lots"));
        rejects("entropy_y", () -> GenerativeConfig.builder(Generative.BA).entropyY(Double.NaN).build());
        rejects("gamma", () -> DiscriminativeConfig.builder(Bound.MINE).gamma(1).build());
        // immutable lists: records compare by value
        assertEquals(DiscriminativeConfig.builder(Bound.NWJ).hiddenDims(8, 8).build(),
                DiscriminativeConfig.builder(Bound.NWJ).hiddenDims(List.of(8, 8)).build());
    }

    @Test
    void optionDefaultsAreTheConfigDefaults() {
        EstimatorOptions none = options(KsgConfig.SCHEMA, 1);
        assertEquals(KsgConfig.builder().seed(1).build(), KsgConfig.SCHEMA.apply(none, KsgConfig.builder().seed(1))
                .build());
        assertEquals(MixedKsgConfig.builder().build(),
                MixedKsgConfig.SCHEMA.apply(options(MixedKsgConfig.SCHEMA, 1), MixedKsgConfig.builder()).build());
        assertEquals(KlEntropyConfig.defaults(),
                KlEntropyConfig.SCHEMA.apply(options(KlEntropyConfig.SCHEMA, 1), KlEntropyConfig.builder()).build());
        assertEquals(HistogramConfig.defaults(),
                HistogramConfig.SCHEMA.apply(options(HistogramConfig.SCHEMA, 1), HistogramConfig.builder()).build());
        assertEquals(DiscreteConfig.builder().build(),
                DiscreteConfig.SCHEMA.apply(options(DiscreteConfig.SCHEMA, 1), DiscreteConfig.builder()).build());
        assertEquals(GmmConfig.defaults(),
                GmmConfig.SCHEMA.apply(options(GmmConfig.SCHEMA, 1), GmmConfig.builder()).build());
        assertEquals(LatentConfig.builder().seed(1).build(),
                LatentConfig.SCHEMA.apply(options(LatentConfig.SCHEMA, 1), LatentConfig.builder().seed(1)).build());
        for (Bound b : Bound.values()) {
            OptionSchema<DiscriminativeConfig.Builder> s = DiscriminativeConfig.schema(b);
            // the option states the in-memory iteration budget that the config's empty budget means
            DiscriminativeConfig.Builder expected = DiscriminativeConfig.builder(b);
            expected.train().maxIterations(TrainConfig.DEFAULT_MAX_ITERATIONS);
            assertEquals(expected.build(), s.apply(options(s, 1), DiscriminativeConfig.builder(b)).build(), b::id);
        }
        for (Generative g : Generative.values()) {
            OptionSchema<GenerativeConfig.Builder> s = GenerativeConfig.schema(g);
            GenerativeConfig.Builder expected = GenerativeConfig.builder(g);
            expected.train().maxIterations(TrainConfig.DEFAULT_MAX_ITERATIONS);
            assertEquals(expected.build(), s.apply(options(s, 1), GenerativeConfig.builder(g)).build(), g::id);
        }
        // and a value given as text comes back typed
        EstimatorOptions h = EstimatorOptions.parse("histogram", HistogramConfig.SCHEMA.specs(),
                Map.of("bins", "sturges"), 1);
        assertEquals(HistogramConfig.Bins.of(HistogramConfig.Bins.Rule.STURGES),
                HistogramConfig.SCHEMA.apply(h, HistogramConfig.builder()).build().bins());
        EstimatorOptions k = EstimatorOptions.parse("ksg", KsgConfig.SCHEMA.specs(), Map.of("algorithm", "2"), 1);
        assertEquals(KsgConfig.Algorithm.TWO, KsgConfig.SCHEMA.apply(k, KsgConfig.builder()).build().algorithm());
    }

    private static EstimatorOptions options(OptionSchema<?> schema, long seed) {
        return EstimatorOptions.parse("test", schema.specs(), Map.of(), seed);
    }

    /**
     * Every option of every estimator: a value of the wrong type, and a negative number where a number is
     * expected, either build or fail with an {@link InvalidOptionException} that names that option (never
     * another name, never a Java field name).
     */
    @Test
    void everyRejectedOptionIsNamedAsTyped() {
        for (EstimatorProvider p : EstimatorRegistry.global().providers()) {
            for (OptionSpec o : p.options()) {
                List<String> bad = o.type() == OptionType.STRING ? List.of("-1") : o.type() == OptionType.INT_LIST
                        ? List.of("x", "0", "-3") : o.type() == OptionType.BOOLEAN || o.type() == OptionType.CHOICE
                                ? List.of("no-such-value") : List.of("x", "-1", "-1000000");
                for (String v : bad) {
                    try {
                        p.create(EstimatorOptions.parse(p.name(), p.options(), Map.of(o.name(), v), 1));
                    } catch (InvalidOptionException e) {
                        assertEquals(o.name(), e.option(), () -> p.name() + " " + o.name() + "=" + v + ": "
                                + e.getMessage());
                        assertTrue(e.getMessage().contains("'" + p.name() + "'"), e::getMessage);
                        for (String javaName : new String[] {"learningRate", "batchSize", "validFraction",
                            "maxIterations", "maxEpochs", "hiddenDims", "negSamples"}) {
                            assertFalse(e.getMessage().contains(javaName), e::getMessage);
                        }
                    }
                }
            }
        }
    }

    @Test
    void messagesUseTheTypedNames() {
        for (String[] c : new String[][] {{"lr", "-1"}, {"batch_size", "1"}, {"valid_percentage", "1.5"},
            {"max_iterations", "0"}, {"patience", "0"}}) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> EstimateMI.with("smile").option(c[0], c[1]).build());
            assertEquals(c[0], e.option());
            assertTrue(e.getMessage().startsWith("option '" + c[0] + "' of estimator 'smile': " + c[0]),
                    e::getMessage);
        }
    }

    @Test
    void capabilitiesAreTypedAndTrue(@TempDir Path dir) {
        TaskSample s = GaussianTask.componentwise(1, 0.5).sample(300, 2);
        // rmi reads the Jacobian of y = f(x) from a file; here f's gradient is taken as 1 everywhere
        Path jacobian = dir.resolve("J.npy");
        try (NpyWriter w = NpyWriter.create(jacobian, 300, 1)) {
            for (int i = 0; i < 300; i++) {
                w.writeRow(1.0);
            }
        }
        for (EstimatorProvider p : EstimatorRegistry.global().providers()) {
            MutualInformationEstimator est = p.create(EstimatorOptions.parse(p.name(), p.options(), Map.of(), 1));
            assertEquals(p.supportsConditional(), est instanceof ConditionalMutualInformationEstimator, p.name());
            assertEquals(p.family().equals("discriminative") || p.family().equals("generative")
                    || p.family().equals("hybrid") || p.family().equals("latent") || p.name().equals("pq"),
                    p.trains(), p.name());
            if (p.name().equals("auto")) {
                continue; // it delegates: its capabilities are those of the estimator it chooses
            }
            assertEquals(Set.of("gmm", "rmi").contains(p.name()), p.ownUncertainty(), p.name());
            assertTrue(p.inputKinds().contains(DataKind.CONTINUOUS) || p.inputKinds().contains(DataKind.DISCRETE));
            if (p.trains() || !p.inputKinds().contains(DataKind.CONTINUOUS)) {
                continue;
            }
            Map<String, String> quick = p.name().equals("gmm")
                    ? Map.of("n_bootstrap", "0", "max_components", "2", "mc_samples", "2000")
                    : p.name().equals("rmi") ? Map.of("jacobian", jacobian.toString()) : Map.of();
            MIEstimate r = p.create(EstimatorOptions.parse(p.name(), p.options(), quick, 1)).estimate(s.x(), s.y());
            assertEquals(p.pointwise(), r.pointwise().isPresent(), p.name());
            r.pointwise().ifPresent(pw -> assertEquals(s.x().n(), pw.length, p.name()));
        }
    }

    @Test
    void gmmEstimatesCarryTheirFittedModelAndOthersNone() {
        TaskSample s = GaussianTask.componentwise(1, 0.5).sample(300, 2);
        MIEstimate g = EstimateMI.with("gmm").option("max_components", 2).option("mc_samples", 2000)
                .bootstrap(3).estimate(s.x(), s.y());
        FittedGmm m = g.model(FittedGmm.class).orElseThrow();
        assertEquals(3, m.bootstrap().size(), "EstimateMI's bootstrap(3) reached gmm's own refits");
        assertEquals(300, m.n());
        assertTrue(EstimateMI.estimate(s.x(), s.y(), "ksg").model(FittedGmm.class).isEmpty());
    }

    @Test
    void trainingListenersAreReachedThroughTheFacade() {
        TaskSample s = GaussianTask.componentwise(1, 0.5).sample(400, 2);
        int[] seen = new int[3];
        // one fit (folds=1): with cross-fitting the listener sees one fit per fold
        EstimateMI.with("nwj").option("max_iterations", 25).option("hidden_dims", "4").option("folds", 1).seed(3)
                .listener(new io.mist.core.TrainingListener() {
                    @Override
                    public void onStart(String estimator, int maxIterations, int trainSize, int validSize) {
                        seen[0] = maxIterations;
                    }

                    @Override
                    public void onStep(int iteration, double loss, double estimate) {
                        seen[1]++;
                    }

                    @Override
                    public void onFinish(int iterations, double iterationsPerSecond, String reason) {
                        seen[2] = iterations;
                    }
                }).estimate(s.x(), s.y());
        assertEquals(25, seen[0]);
        assertEquals(25, seen[1]);
        assertEquals(25, seen[2]);
        // the one seed: the request's seed is the training seed
        assertEquals(3, EstimateMI.with("nwj").option("max_iterations", 25).option("hidden_dims", "4").seed(3)
                .estimate(s.x(), s.y()).seed());
    }

    @Test
    void threadsZeroMeansAllCoresEverywhere() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, KsgConfig.builder().threads(0).build().threads());
        assertEquals(cores, GmmConfig.builder().threads(0).build().threads());
        assertEquals(cores, MixedKsgConfig.builder().threads(0).build().threads());
        TaskSample s = GaussianTask.componentwise(1, 0.5).sample(200, 2);
        double a = EstimateMI.with("ksg").threads(0).bootstrap(2).estimate(s.x(), s.y()).value();
        double b = EstimateMI.with("ksg").option("threads", 0).bootstrap(2).estimate(s.x(), s.y()).value();
        assertEquals(a, b);
    }
}
