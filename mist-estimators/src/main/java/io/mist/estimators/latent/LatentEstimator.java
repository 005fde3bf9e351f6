package io.mist.estimators.latent;

import io.mist.core.MIEstimate;
import io.mist.core.MutualInformationEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.estimators.nonparametric.KsgConfig;
import io.mist.estimators.nonparametric.KsgEstimator;
import io.mist.train.FitResult;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;
import io.mist.train.internal.EngineThreads;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Latent mutual information (Gowri, Lun, Klein and Yin 2024, "Approximating mutual information of
 * high-dimensional variables using learned representations", NeurIPS; the latentmi package): for
 * high-dimensional X and Y with low-dimensional structure, learn low-dimensional embeddings {@code z_x = E_x(x)}
 * and {@code z_y = E_y(y)} and estimate
 * <pre>
 *   LMI = I(z_x; z_y) = I(E_x(X); E_y(Y))  &lt;=  I(X; Y)   (data processing)
 * </pre>
 * with KSG (algorithm 1, {@code k} neighbours, max-norm) on held-out rows. The steps, as latentmi:
 * <ol>
 * <li>each column standardised (training rows' statistics, denominator n) and clipped to [-10, 10];</li>
 * <li>a seeded split into training rows and held-out rows ({@code validation_split}, default half);</li>
 * <li>paired autoencoders trained on the training rows with the {@link Regularizer} (by default the
 * cross-reconstruction loss {@code alpha (MSE(D_xx(z_x), x) + MSE(D_yy(z_y), y)) + lam (MSE(D_yx(z_y), x) +
 * MSE(D_xy(z_x), y))}), Adam lr 1e-4 (eps 1e-7), batch 512, up to 300 epochs, early stopping after 30 epochs
 * without a lower held-out loss, the best weights restored (their values copied: latentmi keeps a reference
 * to the live weights, so its restore does nothing);</li>
 * <li>KSG on the held-out rows' latent pairs; their pointwise values are the pointwise MI.</li>
 * </ol>
 * Encoders and decoders have one hidden layer of width {@code input dimension / 4} (option {@code hidden_dim});
 * a width below 4 x {@code n_dims} is reported. An embedding with NaN or infinite values stops with an
 * exception (latentmi silently replaces them by 0). Training progress goes to the config's listeners; nothing
 * is printed.
 *
 * <p>Bound type: neither. The data-processing inequality makes the latent MI a lower bound of I(X;Y) in
 * expectation, but the KSG step is biased either way at small n. Option {@code variance} adds a standard error
 * from repeated partitions ({@link ResamplingScheme#SUBSAMPLING}; Holmes and Nemenman 2019, Phys. Rev. E 100,
 * 022404, as latentmi's {@code estimate_variance}): the data is split into {@code m = 2, ..., partitions + 1}
 * disjoint parts, the whole pipeline refitted on each part, and with {@code s_m^2} the variance of the part
 * estimates, {@code Var(N) = sum (m - 1)/m s_m^2 / sum (m - 1)}; its own relative standard error is
 * {@code sqrt(2 / sum (m - 1))}.
 *
 * <p>The result carries the trained model ({@code model(LatentMiModel.class)}: encoders, embeddings, held-out
 * rows, pointwise MI by row with NaN on training rows, pointwise MI of new rows). Immutable and thread-safe;
 * native memory is released before returning.
 */
public final class LatentEstimator implements MutualInformationEstimator {
    /** Registered name. */
    public static final String NAME = "lmi";

    /** Largest evaluation batch of the cross-reconstruction loss (rows per forward pass). */
    private static final int EVAL_BATCH = 8192;

    private final LatentConfig config;

    /** An estimator with {@code config} (seeded by {@code config.train().seed()}). */
    public LatentEstimator(LatentConfig config) {
        this.config = Checks.notNull("config", config);
    }

    /** The settings. */
    public LatentConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long seed() {
        return config.train().seed();
    }

    /** Subsampling, as for KSG: a bootstrap's duplicated rows make zero latent distances. */
    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.SUBSAMPLING;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        long t0 = System.nanoTime();
        Fit f = fit(x, y, config.train());
        MIEstimate.Builder r = MIEstimate.builder(NAME, f.value()).shape(x, y).seed(seed()).pointwise(f.pointwise())
                .history(f.fit().history()).model(f.model()).uncertaintyScheme(ResamplingScheme.NONE);
        f.notes().forEach(r::diagnostic);
        if (config.variance()) {
            PartitionVariance v = PartitionVariance.of(x, y, config, (px, py, tc) -> fit(px, py, tc).value());
            r.standardError(Math.sqrt(v.variance())).uncertaintyScheme(ResamplingScheme.SUBSAMPLING)
                    .diagnostic(v.describe());
        }
        return r.seconds((System.nanoTime() - t0) / 1e9).build();
    }

    /** One fit of the pipeline: the value, the held-out pointwise values, the model, the training record. */
    private record Fit(double value, double[] pointwise, LatentMiModel model, FitResult fit, List<String> notes) {
    }

    private Fit fit(Samples x, Samples y, TrainConfig tc) {
        int n = x.n();
        int[][] split = Trainer.split(requireRows(n), tc);
        int[] trainRows = split[0];
        int[] held = split[1];
        if (held.length <= config.k() || trainRows.length < 2) {
            throw Checks.fail("%s: %d rows give %d training and %d held-out rows; need at least 2 and k + 1 = %d "
                    + "(use more rows, or change validation_split or k)", NAME, n, trainRows.length, held.length,
                    config.k() + 1);
        }
        ColumnScaler sx = ColumnScaler.fit(x, trainRows, config.clip());
        ColumnScaler sy = ColumnScaler.fit(y, trainRows, config.clip());
        PairedData data = PairedData.of(Samples.ofRowMajor("x", sx.all(x), n, x.dim()),
                Samples.ofRowMajor("y", sy.all(y), n, y.dim()));
        EngineThreads.request(tc.threads()); // before the first touch of the engine in this JVM
        if (config.regularizer() == Regularizer.AE_CROSS && tc.evalBatchSize() == 0) {
            // per-row losses do not depend on the batch: the held-out loss of an epoch in one or two passes
            tc = tc.toBuilder().evalBatchSize(Math.min(held.length, EVAL_BATCH)).build();
        }
        FitResult fit;
        LatentEncoder[] enc;
        try (NDManager manager = NDManager.newBaseManager(tc.device().resolve());
                PairedAutoencoder net = PairedAutoencoder.create(config, x.dim(), y.dim(), manager, tc.seed())) {
            fit = Trainer.fit(net, data, tc);
            if (fit.diverged() && !fit.restoredBest()) {
                throw new TrainingDivergedException(NAME + ": " + String.join("; ", fit.diagnostics()), fit);
            }
            enc = net.encoders();
        }
        double[][] zx = new double[n][];
        double[][] zy = new double[n][];
        for (int i = 0; i < n; i++) {
            zx[i] = enc[0].encode(sx.row(x, i));
            zy[i] = enc[1].encode(sy.row(y, i));
        }
        requireFiniteEmbedding(zx, zy, tc.learningRate());
        double[][] hx = new double[held.length][];
        double[][] hy = new double[held.length][];
        for (int r = 0; r < held.length; r++) {
            hx[r] = zx[held[r]];
            hy[r] = zy[held[r]];
        }
        KsgEstimator ksg = new KsgEstimator(KsgConfig.builder().k(config.k()).standardize(false)
                .threads(config.threads()).seed(tc.seed()).build());
        MIEstimate k = ksg.estimate(Samples.of("x latents", hx), Samples.of("y latents", hy));
        double[] pw = k.pointwise().orElseThrow();
        LatentMiModel model = new LatentMiModel(sx, sy, enc[0], enc[1], zx, zy, held, pw, ksg,
                config.regularizer());
        return new Fit(k.value(), pw, model, fit, notes(x, y, fit, held.length, sx, sy, k));
    }

    private static int requireRows(int n) {
        if (n < 3) {
            throw Checks.fail("%s needs at least 3 rows (training and held-out), got %d", NAME, n);
        }
        return n;
    }

    /**
     * Stops when an embedding row holds NaN or an infinity (latentmi replaces them by 0 with a warning, which
     * silently changes the estimate).
     *
     * @throws IllegalStateException naming how many rows and what to try
     */
    static void requireFiniteEmbedding(double[][] zx, double[][] zy, double lr) {
        int bad = 0;
        for (int i = 0; i < zx.length; i++) {
            bad += finite(zx[i]) && finite(zy[i]) ? 0 : 1;
        }
        if (bad > 0) {
            throw new IllegalStateException(Checks.format("%s: the embedding has NaN or infinite values in %d of %d "
                    + "rows after training (latentmi would silently set them to 0); try a smaller lr (lr = %s) or "
                    + "fewer n_dims", NAME, bad, zx.length, lr));
        }
    }

    private static boolean finite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }

    private List<String> notes(Samples x, Samples y, FitResult fit, int held, ColumnScaler sx, ColumnScaler sy,
            MIEstimate k) {
        List<String> out = new ArrayList<>();
        int hx = config.hiddenWidth(x.dim());
        int hy = config.hiddenWidth(y.dim());
        out.add(Checks.format("latent MI (Gowri et al. 2024): autoencoders %d -> %d -> %d (x) and %d -> %d -> %d (y), "
                + "regularizer %s (alpha %s, lam %s); %d epochs, %d iterations (%s), %.0f it/s; best held-out loss "
                + "%.5f at iteration %d%s; KSG (k = %d, max-norm) on the %d+%d-D latents of the %d held-out rows; "
                + "pointwise values are those rows' (model(LatentMiModel.class).pointwiseByRow() is NaN on the %d "
                + "training rows)", x.dim(), hx, config.nDims(), y.dim(), hy, config.nDims(),
                config.regularizer().id(), config.alpha(), config.lam(), fit.epochs(), fit.iterations(),
                stopName(fit), fit.iterationsPerSecond(), fit.bestValidation(),
                fit.bestIteration(),
                fit.restoredBest() ? ", weights restored" : "", config.k(), config.nDims(), config.nDims(), held,
                x.n() - held));
        out.add("the held-out rows also chose the checkpoint (on the reconstruction loss, not on MI)");
        for (String[] v : new String[][] {{"x", Integer.toString(hx)}, {"y", Integer.toString(hy)}}) {
            int h = Integer.parseInt(v[1]);
            if (h < 4 * config.nDims()) {
                out.add(Checks.format("the hidden width of %s's networks (%d%s) is below 4 x n_dims = %d (latentmi "
                        + "warns here): the encoders may lose information; consider a smaller n_dims or a larger "
                        + "hidden_dim", v[0], h, config.hiddenDim() == 0 ? " = input dimension / 4" : "",
                        4 * config.nDims()));
            }
        }
        if (sx.constantColumns() + sy.constantColumns() > 0) {
            out.add(Checks.format("%d columns of x and %d of y are constant on the training rows; they enter as 0",
                    sx.constantColumns(), sy.constantColumns()));
        }
        out.addAll(fit.diagnostics());
        k.diagnostics().stream().filter(d -> d.contains("below 0")).forEach(out::add);
        return out;
    }

    private static String stopName(FitResult fit) {
        return fit.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
