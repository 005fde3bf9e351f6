package io.mist.estimators.generative;

import io.mist.core.EntropyEstimate;
import io.mist.core.MIEstimate;
import io.mist.core.PairedDataEstimator;
import io.mist.core.ResamplingScheme;
import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.estimators.nn.internal.TrainedFit;
import io.mist.estimators.nn.internal.TrainingRows;
import io.mist.estimators.nonparametric.KlEntropyConfig;
import io.mist.estimators.nonparametric.KozachenkoLeonenkoEstimator;

/**
 * A generative neural estimator ({@link Generative}: ba, doe, gm, club, l1out) as a one-call estimator: each
 * {@link #estimate} fits fresh densities from the seed by maximum likelihood with the library's trainer and
 * reports the value on rows that played no part in the fit, through the same flow as the discriminative
 * estimators (inputs standardised with the training rows' statistics; {@code folds}-fold cross-fitting with its
 * standard error by default, or one fit measured on the test data or the validation split). The formulas, bound
 * directions and papers are in {@link Generative}.
 *
 * <p>BA needs {@code H(Y)}: the {@code entropy_y} option (in the data's units; each fit converts it to the units of
 * its standardised y by subtracting {@code sum_j log sd_j}), else the Kozachenko-Leonenko estimate ({@code k = 3})
 * of all rows' y, named in the diagnostics.
 *
 * <p>Immutable and thread-safe (each call owns its networks); native memory is released before returning.
 */
public final class GenerativeEstimator implements PairedDataEstimator {
    private final GenerativeConfig config;

    /** An estimator with {@code config}, seeded by its training seed. */
    public GenerativeEstimator(GenerativeConfig config) {
        this.config = Checks.notNull("config", config);
    }

    /** The config. */
    public GenerativeConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.kind().id();
    }

    @Override
    public long seed() {
        return config.train().seed();
    }

    @Override
    public ResamplingScheme resamplingScheme() {
        return ResamplingScheme.BOOTSTRAP;
    }

    @Override
    public MIEstimate estimate(Samples x, Samples y) {
        Checks.sameRows("x", x, "y", y);
        x.requireRows("x", 4, "a neural estimator needs training and validation pairs");
        return estimate(TrainingRows.of(x, y), () -> y);
    }

    @Override
    public MIEstimate estimate(PairedData data) {
        Checks.notNull("data", data);
        if (data.size() < 4) {
            throw Checks.fail("data has %d samples, but at least 4 are needed (a neural estimator needs training "
                    + "and validation pairs)", data.size());
        }
        return estimate(TrainingRows.of(data), () -> allY(data));
    }

    private MIEstimate estimate(TrainingRows rows, java.util.function.Supplier<Samples> ys) {
        long t0 = System.nanoTime();
        double entropy = 0;
        String entropyNote = null;
        if (config.kind() == Generative.BA) {
            if (config.entropyY().isPresent()) {
                entropy = config.entropyY().getAsDouble();
                entropyNote = Checks.format("H(Y) = %.4f nats given as entropy_y", entropy);
            } else {
                EntropyEstimate h = new KozachenkoLeonenkoEstimator(KlEntropyConfig.builder().threads(1)
                        .seed(seed()).build()).estimate(ys.get());
                entropy = h.value();
                entropyNote = Checks.format("H(Y) = %.4f nats estimated by Kozachenko-Leonenko (k = 3) on all %d "
                        + "rows (entropy_y not given); the value is a lower bound only up to that estimate's error",
                        entropy, h.n());
            }
        }
        double h = entropy;
        TrainedFit.Outcome o = new TrainedFit(name(), config.kind().boundType(), config.train(),
                config.standardize(), config.folds())
                .run(rows, (dx, dy, sy, manager, s) -> GenerativeNeuralEstimator.create(config, dx, dy,
                        sy == null ? h : h - sy.logScaleSum(), manager, s));
        if (entropyNote != null) {
            o.result().diagnostic(entropyNote);
        }
        return o.result().seconds((System.nanoTime() - t0) / 1e9).build();
    }

    /** Every y of {@code data}, read in chunks of 4,096 rows. */
    private static Samples allY(PairedData data) {
        int n = data.size();
        int dy = data.dimY();
        double[] y = new double[n * dy];
        for (int start = 0; start < n; start += 4096) {
            int m = Math.min(4096, n - start);
            int[] rows = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = start + i;
            }
            float[] yb = new float[m * dy];
            data.read(rows, new float[m * data.dimX()], yb);
            for (int i = 0; i < yb.length; i++) {
                y[start * dy + i] = yb[i];
            }
        }
        return Samples.ofRowMajor("y", y, n, dy);
    }
}
