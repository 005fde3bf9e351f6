package io.mist.estimators.gmm;

import io.mist.core.internal.Checks;
import io.mist.core.MIEstimate;
import io.mist.core.internal.Parallel;
import io.mist.core.ResamplingScheme;
import io.mist.core.internal.Seeds;
import io.mist.core.internal.JsonWriter;
import io.mist.core.internal.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fitted GMM-MI model: the mixture chosen and fitted on all data over {@code [x, y]} (or
 * {@code [x, y, z]} for conditional MI), its bootstrap refits, and how it was chosen. Re-estimate MI (with
 * other integration settings) without refitting via {@link #estimate}, and persist it as JSON with
 * {@link #save(Path)} / {@link #load(Path)}.
 *
 * <p>File format {@value #FORMAT}: one JSON object (UTF-8) with the fields {@code format} (the string
 * {@value #FORMAT}), {@code dx, dy, dz, n, seed, components} (integers), {@code selection_scores} (array of
 * numbers), {@code model} (a mixture) and {@code bootstrap} (array of mixtures), where a mixture over
 * {@code d = dx + dy + dz} coordinates with {@code k} components is {@code {"weights": [k], "means": [k][d],
 * "covariances": [k][d][d]}}. Doubles are written so that they read back exactly ({@code NaN},
 * {@code Infinity} and {@code -Infinity} as bare tokens); fields may come in any order and unknown fields
 * are ignored. Reading and writing need no JSON library.
 */
public final class FittedGmm {
    /** Format tag written into and required from JSON. */
    public static final String FORMAT = "mist-gmm/1";

    private final int dx;
    private final int dy;
    private final int dz;
    private final int n;
    private final long seed;
    private final Mixture model;
    private final List<Mixture> bootstrap;
    private final double[] selectionScores;

    /**
     * A fitted model.
     *
     * @param dx dimension of x, the first coordinates of {@code model}
     * @param dy dimension of y, the next ones
     * @param dz dimension of z (0 for plain MI), the last ones
     * @param n number of samples the model was fitted on
     * @param seed seed of the fit
     * @param model mixture fitted on all data
     * @param bootstrap bootstrap refits (may be empty)
     * @param selectionScores per-sample score of each tried number of components (may be empty)
     */
    public FittedGmm(int dx, int dy, int dz, int n, long seed, Mixture model, List<Mixture> bootstrap,
            double[] selectionScores) {
        Checks.atLeast("dx", dx, 1);
        Checks.atLeast("dy", dy, 1);
        Checks.atLeast("dz", dz, 0);
        Checks.atLeast("n", n, 1);
        Checks.notNull("model", model);
        Checks.notNull("bootstrap", bootstrap);
        Checks.notNull("selectionScores", selectionScores);
        if (model.dim() != dx + dy + dz) {
            throw Checks.fail("model: dimension %d, but dx + dy + dz = %d", model.dim(), dx + dy + dz);
        }
        for (Mixture m : bootstrap) {
            if (m.dim() != model.dim()) {
                throw Checks.fail("bootstrap: mixture dimension %d, model %d", m.dim(), model.dim());
            }
        }
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        this.n = n;
        this.seed = seed;
        this.model = model;
        this.bootstrap = List.copyOf(bootstrap);
        this.selectionScores = selectionScores.clone();
    }

    /** Dimension of x. */
    public int dx() {
        return dx;
    }

    /** Dimension of y. */
    public int dy() {
        return dy;
    }

    /** Dimension of z (0 when not conditional). */
    public int dz() {
        return dz;
    }

    /** Samples the model was fitted on. */
    public int n() {
        return n;
    }

    /** Seed of the fit. */
    public long seed() {
        return seed;
    }

    /** The mixture fitted on all data. */
    public Mixture model() {
        return model;
    }

    /** Bootstrap refits. */
    public List<Mixture> bootstrap() {
        return bootstrap;
    }

    /** Number of components chosen. */
    public int components() {
        return model.components();
    }

    /** Per-sample selection scores by number of components tried. */
    public double[] selectionScores() {
        return selectionScores.clone();
    }

    /**
     * MI (or conditional MI when {@code dz > 0}) of each bootstrap mixture, or of the model when there are
     * none; value = their mean, standard error = their standard deviation (sample, {@code B - 1}).
     *
     * @param integral how each integral is computed ({@code quad}: 1-D x and y, no z)
     * @param mcSamples Monte Carlo samples per mixture
     * @param mcSeed seed of the Monte Carlo draws (stream {@code b} for bootstrap {@code b})
     * @param threads worker threads for this call
     */
    public MIEstimate estimate(GmmConfig.Integral integral, int mcSamples, long mcSeed, int threads) {
        double[] values = perModel(threads, (m, rng) -> dz > 0
                ? MixtureInformation.conditionalMutualInformation(m, dx, dy, mcSamples, rng)
                : MixtureInformation.mutualInformation(m, dx, integral, mcSamples, rng), mcSeed, integral);
        Summary s = summarise(values, dz > 0 ? "conditional MI" : "MI");
        MIEstimate.Builder b = MIEstimate.builder(GmmEstimator.NAME, s.mean).shape(n, dx, dy).seed(seed)
                .standardError(s.sd).diagnostic(s.note).model(this)
                .uncertaintyScheme(values.length > 1 ? ResamplingScheme.BOOTSTRAP : ResamplingScheme.NONE);
        return b.build();
    }

    /**
     * {@code KL(p_x || p_y)} ({@link GmmConfig.Kl#FORWARD}) or {@code KL(p_y || p_x)} per mixture, summarised as
     * MI is, as its own result type.
     */
    public KlEstimate klDivergence(GmmConfig.Kl direction, GmmConfig.Integral integral, int mcSamples, long mcSeed,
            int threads) {
        if (dz > 0) {
            throw Checks.invalid("kl", "kl is not defined for a conditional model (dz = %d)", dz);
        }
        if (direction == GmmConfig.Kl.NONE) {
            throw Checks.invalid("kl", "kl: give forward or reverse, got none");
        }
        boolean forward = direction == GmmConfig.Kl.FORWARD;
        double[] values = perModel(threads,
                (m, rng) -> MixtureInformation.klDivergence(m, dx, forward, integral, mcSamples, rng), mcSeed,
                integral);
        Summary s = summarise(values, forward ? "KL(p_x || p_y)" : "KL(p_y || p_x)");
        return new KlEstimate(direction, s.mean, s.sd, n, dx, dy, seed, List.of(s.note), 0);
    }

    private interface PerMixture {
        double apply(Mixture m, org.apache.commons.rng.UniformRandomProvider rng);
    }

    private double[] perModel(int threads, PerMixture f, long mcSeed, GmmConfig.Integral integral) {
        Checks.atLeast("threads", threads, 1);
        Checks.notNull("integral", integral);
        List<Mixture> ms = bootstrap.isEmpty() ? List.of(model) : bootstrap;
        try (Parallel w = Parallel.open(Math.max(1, Math.min(threads, ms.size())))) {
            List<Double> r = w.map(ms.size(), b -> f.apply(ms.get(b), Seeds.rng(mcSeed, b)));
            double[] v = new double[r.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.get(i);
                if (!Double.isFinite(v[i])) {
                    throw new IllegalStateException("gmm: non-finite integral for mixture " + i
                            + " (a degenerate component?); increase reg_covar");
                }
            }
            return v;
        }
    }

    /** Mean, standard deviation (NaN for one value) and a note in words. */
    private record Summary(double mean, double sd, String note) {
    }

    private Summary summarise(double[] v, String what) {
        double mean = Statistics.mean(v);
        if (v.length > 1) {
            return new Summary(mean, Statistics.standardDeviation(v), Checks.format("%s: mean and standard "
                    + "deviation over %d bootstrap refits of a %d-component mixture", what, v.length, components()));
        }
        return new Summary(mean, Double.NaN, Checks.format("%s of a single %d-component fit (n_bootstrap < 1: no "
                + "error)", what, components()));
    }

    // ---------------------------------------------------------------- JSON

    /** The model as JSON text (format {@value #FORMAT}). */
    public String toJson() {
        List<JsonWriter> boots = new ArrayList<>(bootstrap.size());
        for (Mixture m : bootstrap) {
            boots.add(mixtureJson(m));
        }
        return JsonWriter.withNonFiniteTokens().put("format", FORMAT).put("dx", dx).put("dy", dy).put("dz", dz)
                .put("n", n).put("seed", seed).put("components", components())
                .put("selection_scores", selectionScores).put("model", mixtureJson(model))
                .putObjects("bootstrap", boots).toString();
    }

    /**
     * Parses {@link #toJson()} output.
     *
     * @throws IllegalArgumentException on malformed JSON, a wrong format tag or inconsistent shapes
     */
    public static FittedGmm fromJson(String json) {
        Checks.notNull("json", json);
        try {
            Map<?, ?> o = (Map<?, ?>) JsonText.parse(json);
            Object f = o.get("format");
            if (!FORMAT.equals(f)) {
                throw Checks.fail("json: not a %s model (format = %s)", FORMAT, f);
            }
            Mixture model = mixtureFrom(o.get("model"));
            List<Mixture> bs = new ArrayList<>();
            for (Object e : (List<?>) o.get("bootstrap")) {
                bs.add(mixtureFrom(e));
            }
            return new FittedGmm(integer(o, "dx"), integer(o, "dy"), integer(o, "dz"), integer(o, "n"),
                    ((JsonText.Num) o.get("seed")).asLong(), model, bs, doubles(o.get("selection_scores")));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            // NumberFormatException is an IllegalArgumentException
            throw Checks.fail("json: malformed GMM model: %s", e.getMessage());
        }
    }

    /** Writes {@link #toJson()} to {@code file} (UTF-8). */
    public void save(Path file) {
        Checks.notNull("file", file);
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write GMM model to " + file, e);
        }
    }

    /** Reads a model written by {@link #save(Path)}. */
    public static FittedGmm load(Path file) {
        Checks.notNull("file", file);
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GMM model from " + file, e);
        }
    }

    private static JsonWriter mixtureJson(Mixture m) {
        double[][] means = new double[m.components()][];
        double[][][] covs = new double[m.components()][][];
        for (int c = 0; c < m.components(); c++) {
            means[c] = m.mean(c);
            covs[c] = m.covariance(c);
        }
        return JsonWriter.withNonFiniteTokens().put("weights", m.weights()).put("means", means)
                .put("covariances", covs);
    }

    private static Mixture mixtureFrom(Object json) {
        Map<?, ?> o = (Map<?, ?>) json;
        List<?> means = (List<?>) o.get("means");
        List<?> covs = (List<?>) o.get("covariances");
        double[][] mu = new double[means.size()][];
        double[][][] cov = new double[covs.size()][][];
        for (int c = 0; c < mu.length; c++) {
            mu[c] = doubles(means.get(c));
        }
        for (int c = 0; c < cov.length; c++) {
            List<?> rows = (List<?>) covs.get(c);
            cov[c] = new double[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                cov[c][i] = doubles(rows.get(i));
            }
        }
        return Mixture.of(doubles(o.get("weights")), mu, cov);
    }

    private static int integer(Map<?, ?> o, String key) {
        Object v = o.get(key);
        if (!(v instanceof JsonText.Num num)) {
            throw Checks.fail("field %s must be an integer, got %s", key, v);
        }
        return num.asInt();
    }

    private static double[] doubles(Object json) {
        List<?> a = (List<?>) json;
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((JsonText.Num) a.get(i)).asDouble();
        }
        return v;
    }
}
