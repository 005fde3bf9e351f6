package io.mist;

import io.mist.core.internal.Checks;
import io.mist.core.ConditionalMutualInformationEstimator;
import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.PairedDataEstimator;
import io.mist.core.Samples;
import io.mist.core.internal.Seeds;
import io.mist.core.TrainingListener;
import io.mist.data.PairedData;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.uncertainty.Uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facade: estimate mutual information by estimator name, in nats.
 *
 * <pre>{@code
 * MIEstimate a = EstimateMI.estimate(x, y, "ksg");
 * MIEstimate b = EstimateMI.with("mine").option("hidden_dims", "64,64").seed(7).bootstrap(50).estimate(x, y);
 * MIEstimate c = EstimateMI.with("smile").estimate(NpyData.open(xFile, yFile)); // streamed from disk
 * }</pre>
 *
 * <p>Names and options are those of {@code mist list}; an unknown name or option fails with the valid ones.
 * Neural estimators are trained with their defaults and report the held-out estimate.
 */
public final class EstimateMI {
    /**
     * The estimator used when none is named: {@code auto}, which picks one from the data and always reports a
     * standard error (docs/estimators.md gives the rule and its evidence).
     */
    public static final String DEFAULT_ESTIMATOR = "auto";

    /** The seed used when a caller gives none; it is recorded in every result. */
    public static final long DEFAULT_SEED = Seeds.DEFAULT_SEED;

    private EstimateMI() {
    }

    /** Estimates I(X;Y) with the named estimator and its defaults. */
    public static MIEstimate estimate(double[][] x, double[][] y, String name) {
        return with(name).estimate(x, y);
    }

    /** Estimates I(X;Y) for two scalar variables with the named estimator and its defaults. */
    public static MIEstimate estimate(double[] x, double[] y, String name) {
        return with(name).estimate(x, y);
    }

    /** Estimates I(X;Y) with the named estimator and its defaults. */
    public static MIEstimate estimate(Samples x, Samples y, String name) {
        return with(name).estimate(x, y);
    }

    /** Estimates I(X;Y|Z) with the named conditional estimator and its defaults. */
    public static MIEstimate estimate(double[][] x, double[][] y, double[][] z, String name) {
        return with(name).estimate(x, y, z);
    }

    /** A fluent request for the named estimator. */
    public static Request with(String name) {
        EstimatorRegistry.global().provider(name);
        return new Request(name);
    }

    /** A fluent, mutable request: options, seed, uncertainty; not thread-safe. */
    public static final class Request {
        private final String name;
        private final Map<String, String> options = new LinkedHashMap<>();
        private long seed = Seeds.DEFAULT_SEED;
        private int bootstrap;
        private int permutations;
        private int threads = Runtime.getRuntime().availableProcessors();
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Request(String name) {
            this.name = name;
        }

        /** Sets option {@code key} (as in {@code mist list}) to {@code value}. */
        public Request option(String key, Object value) {
            Checks.notNull("option key", key);
            Checks.notNull("value of option '" + key + "'", value);
            options.put(key, String.valueOf(value));
            return this;
        }

        /** Sets several options. */
        public Request options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        /** Sets the seed of every stochastic step. */
        public Request seed(long s) {
            this.seed = s;
            return this;
        }

        /** Adds a resampling standard error from {@code replicates} replicates (the estimator's scheme). */
        public Request bootstrap(int replicates) {
            this.bootstrap = Checks.atLeast("bootstrap", replicates, 0);
            return this;
        }

        /** Adds a permutation-test p-value from {@code count} permutations. */
        public Request permutations(int count) {
            this.permutations = Checks.atLeast("permutations", count, 0);
            return this;
        }

        /** Threads for resampling replicates (0 = all cores, as the estimators' {@code threads=0}). */
        public Request threads(int count) {
            this.threads = Checks.threads("threads", count);
            return this;
        }

        /**
         * Adds a listener of training progress, called by estimators that train
         * ({@link EstimatorProvider#trains()}) on the training thread; others never call it.
         */
        public Request listener(TrainingListener listener) {
            listeners.add(Checks.notNull("listener", listener));
            return this;
        }

        /** Builds the configured estimator (its own uncertainty, if any, not requested). */
        public MutualInformationEstimator build() {
            return create(0);
        }

        private MutualInformationEstimator create(int replicates) {
            EstimatorProvider p = EstimatorRegistry.global().provider(name);
            EstimatorOptions o = EstimatorOptions.parse(p.name(), p.options(), options, seed)
                    .withReplicates(replicates);
            for (TrainingListener l : listeners) {
                o = o.withListener(l);
            }
            return p.create(o);
        }

        private boolean hasOwnBootstrap() {
            return EstimatorRegistry.global().provider(name).ownUncertainty();
        }

        /** Estimates I(X;Y). */
        public MIEstimate estimate(double[][] x, double[][] y) {
            return estimate(Samples.of("x", x), Samples.of("y", y));
        }

        /** Estimates I(X;Y) for two scalar variables. */
        public MIEstimate estimate(double[] x, double[] y) {
            return estimate(Samples.of("x", x), Samples.of("y", y));
        }

        /**
         * Estimates I(X;Y). An estimator with its own uncertainty ({@link EstimatorProvider#ownUncertainty()},
         * as {@code gmm}) is asked for {@code bootstrap(B)} replicates (its own option, when given, wins); any
         * other gets the generic resampling wrapper.
         */
        public MIEstimate estimate(Samples x, Samples y) {
            Checks.sameRows("x", x, "y", y);
            boolean own = bootstrap > 0 && hasOwnBootstrap();
            MutualInformationEstimator est = create(own ? bootstrap : 0);
            long t0 = System.nanoTime();
            MIEstimate r = est.estimate(x, y);
            if (bootstrap > 0 && !own) {
                r = Uncertainty.withStandardError(est, x, y, r, bootstrap, seed, threads);
            }
            if (permutations > 0) {
                r = Uncertainty.withPermutationTest(est, x, y, r, permutations, seed, threads);
            }
            return r.toBuilder().seconds((System.nanoTime() - t0) / 1e9).build();
        }

        /**
         * Estimates I(X;Y) from {@code data} read in batches, so that data streamed from files larger than
         * memory (the NPY and CSV readers of {@code mist-train}) never has to fit in memory. Only estimators
         * that train on batches ({@link PairedDataEstimator}) can; resampling needs in-memory data.
         *
         * @throws IllegalArgumentException if the estimator needs the data in memory, or bootstrap or
         *     permutations were asked for
         */
        public MIEstimate estimate(PairedData data) {
            Checks.notNull("data", data);
            if (bootstrap > 0 || permutations > 0) {
                throw Checks.fail("bootstrap and permutations resample rows in memory and are not available for "
                        + "streamed data; drop them, or load the data as Samples");
            }
            MutualInformationEstimator est = build();
            if (!(est instanceof PairedDataEstimator)) {
                throw Checks.fail("estimator '%s' needs all data in memory and cannot read streamed data; "
                        + "estimators that can: %s", name, String.join(", ", streamingNames()));
            }
            long t0 = System.nanoTime();
            MIEstimate r = ((PairedDataEstimator) est).estimate(data);
            return r.toBuilder().seconds((System.nanoTime() - t0) / 1e9).build();
        }

        /** Estimates I(X;Y|Z). */
        public MIEstimate estimate(double[][] x, double[][] y, double[][] z) {
            return estimate(Samples.of("x", x), Samples.of("y", y), Samples.of("z", z));
        }

        /**
         * Estimates I(X;Y|Z).
         *
         * @throws IllegalArgumentException if the estimator cannot condition
         */
        public MIEstimate estimate(Samples x, Samples y, Samples z) {
            Checks.sameRows("x", x, "y", y);
            Checks.sameRows("x", x, "z", z);
            boolean own = bootstrap > 0 && hasOwnBootstrap();
            if ((bootstrap > 0 && !own) || permutations > 0) {
                throw Checks.fail("bootstrap and permutations are not available for conditional MI with '%s' "
                        + "(a permutation of y would break its dependence on z); use an estimator with its own "
                        + "bootstrap such as gmm", name);
            }
            MutualInformationEstimator est = create(own ? bootstrap : 0);
            if (!(est instanceof ConditionalMutualInformationEstimator)) {
                throw Checks.fail("estimator '%s' does not estimate conditional MI; conditional estimators: %s",
                        name, String.join(", ", conditionalNames()));
            }
            long t0 = System.nanoTime();
            MIEstimate r = ((ConditionalMutualInformationEstimator) est).estimate(x, y, z);
            return r.toBuilder().seconds((System.nanoTime() - t0) / 1e9).build();
        }
    }

    /** Names of the registered estimators that read streamed {@link PairedData} (those that train on batches). */
    public static java.util.List<String> streamingNames() {
        EstimatorRegistry reg = EstimatorRegistry.global();
        return reg.providers().stream().map(EstimatorProvider::name)
                .filter(n -> reg.create(n, Map.of(), Seeds.DEFAULT_SEED) instanceof PairedDataEstimator).toList();
    }

    /** Names of the registered estimators that support conditional MI. */
    public static List<String> conditionalNames() {
        return EstimatorRegistry.global().providers().stream().filter(EstimatorProvider::supportsConditional)
                .map(EstimatorProvider::name).toList();
    }
}
