package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.TrainingHistory;
import io.mist.data.PairedData;
import io.mist.registry.EstimatorRegistry;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;
import io.mist.train.Evaluation;
import io.mist.train.FitResult;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;
import io.mist.train.TrainingDivergedException;
import io.mist.train.data.CsvData;
import io.mist.train.data.NpyData;
import io.mist.train.data.NpyWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's behaviour with a real estimator: stopping, restoring, splitting, seeding, streaming, NaN. */
class TrainerBehaviourTest {
    private static final TaskSample GAUSS = GaussianTask.componentwise(2, 0.6).sample(2000, 11);

    private static DiscriminativeConfig small(Bound b) {
        return DiscriminativeConfig.builder(b).hiddenDims(16, 16).build();
    }

    private static FitResult fit(Bound b, PairedData data, TrainConfig tc, long seed) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DiscriminativeNeuralEstimator net = DiscriminativeNeuralEstimator.create(small(b), data.dimX(),
                        data.dimY(), m, seed)) {
            return Trainer.fit(net, data, tc);
        }
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestParameterValues() {
        TaskSample ind = IndependentTask.of(2, 2).sample(2000, 3);
        PairedData data = PairedData.of(ind.x(), ind.y());
        TrainConfig tc = TrainConfig.builder().maxIterations(5000).patience(3).evalEvery(20).seed(1).build();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DiscriminativeNeuralEstimator net = DiscriminativeNeuralEstimator.create(small(Bound.NWJ), 2, 2, m,
                        1)) {
            FitResult r = Trainer.fit(net, data, tc);
            assertEquals(FitResult.StopReason.EARLY_STOPPING, r.stopReason());
            assertTrue(r.iterations() < 5000, () -> "stopped at " + r.iterations());
            assertTrue(r.restoredBest());
            assertNotEquals(r.iterations(), r.bestIteration());
            // the restored parameters reproduce the best validation value, not the last one
            Evaluation ev = Trainer.evaluate(net, r.validation().get(), 128);
            assertEquals(r.bestValidation(), ev.value(), 1e-6);
            List<TrainingHistory.Evaluation> evs = r.history().evaluations();
            double last = evs.get(evs.size() - 1).estimate();
            assertNotEquals(last, ev.value(), 0.0);
        }
    }

    @Test
    void upperBoundsAreMinimisedFromPlusInfinity() {
        // direction check without an upper-bound estimator: a lower bound's best is the maximum of evaluations
        PairedData data = PairedData.of(GAUSS.x(), GAUSS.y());
        FitResult r = fit(Bound.NWJ, data, TrainConfig.builder().maxIterations(300).evalEvery(30).seed(2).build(),
                2);
        double max = r.history().evaluations().stream().mapToDouble(TrainingHistory.Evaluation::estimate).max()
                .orElseThrow();
        assertEquals(max, r.bestValidation(), 0.0);
    }

    @Test
    void validationSplitHasTheRequestedSizeAndIsDisjoint() {
        TrainConfig tc = TrainConfig.builder().validFraction(0.1).seed(5).build();
        int[][] parts = Trainer.split(1000, tc);
        assertEquals(900, parts[0].length);
        assertEquals(100, parts[1].length);
        boolean[] seen = new boolean[1000];
        for (int[] p : parts) {
            for (int i : p) {
                assertTrue(!seen[i]);
                seen[i] = true;
            }
        }
        assertArrayEquals(parts[1], Trainer.split(1000, tc)[1]);
        assertNotEquals(parts[1][0] + parts[1][1] * 1000,
                Trainer.split(1000, tc.toBuilder().seed(6).build())[1][0]
                        + Trainer.split(1000, tc.toBuilder().seed(6).build())[1][1] * 1000);
        PairedData data = PairedData.of(GAUSS.x(), GAUSS.y());
        FitResult r = fit(Bound.NWJ, data, TrainConfig.builder().maxIterations(20).validFraction(0.25).seed(1)
                .build(), 1);
        assertEquals(500, r.validation().get().size());
    }

    @Test
    void sameSeedSameHistoryDifferentSeedDifferentHistory() {
        PairedData data = PairedData.of(GAUSS.x(), GAUSS.y());
        TrainConfig tc = TrainConfig.builder().maxIterations(200).seed(9).build();
        FitResult a = fit(Bound.MINE, data, tc, 9);
        FitResult b = fit(Bound.MINE, data, tc, 9);
        FitResult c = fit(Bound.MINE, data, tc.toBuilder().seed(10).build(), 10);
        assertEquals(a.history().toCsv(), b.history().toCsv());
        assertNotEquals(a.history().toCsv(), c.history().toCsv());
    }

    @Test
    void fitsAtOnceOnTwoThreadsGiveTheSequentialValuesWhateverTheEngineSeed() throws Exception {
        PairedData data = PairedData.of(GAUSS.x(), GAUSS.y());
        List<Callable<String>> fits = new ArrayList<>();
        for (Bound b : new Bound[] {Bound.MINE, Bound.SMILE, Bound.INFONCE, Bound.FLO}) {
            TrainConfig tc = TrainConfig.builder().maxIterations(120).evalEvery(40).seed(b.ordinal()).build();
            fits.add(() -> fit(b, data, tc, b.ordinal()).history().toCsv());
        }
        List<String> sequential = new ArrayList<>();
        for (Callable<String> f : fits) {
            sequential.add(f.call());
        }
        // nothing in a fit draws from the engine's global generator
        Engine.getInstance().setRandomSeed(987);
        assertEquals(sequential.get(0), fits.get(0).call());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> running = new ArrayList<>();
            for (Callable<String> f : fits) {
                running.add(pool.submit(f));
            }
            for (int k = 0; k < fits.size(); k++) {
                assertEquals(sequential.get(k), running.get(k).get(), "fit " + k);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void streamedNpyAndCsvDataGiveTheSameTrainingAsInMemoryData(@TempDir Path dir) throws IOException {
        TaskSample s = GaussianTask.componentwise(2, 0.5).sample(600, 4);
        Path xf = dir.resolve("x.npy");
        Path yf = dir.resolve("y.npy");
        writeNpy(xf, s.x().toArray());
        writeNpy(yf, s.y().toArray());
        Path csv = dir.resolve("xy.csv");
        StringBuilder sb = new StringBuilder("a,b,c,d\n");
        for (int i = 0; i < 600; i++) {
            sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g%n", s.x().get(i, 0), s.x().get(i, 1),
                    s.y().get(i, 0), s.y().get(i, 1)));
        }
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
        TrainConfig tc = TrainConfig.builder().maxIterations(60).batchSize(32).evalEvery(10).seed(3).build();
        String mem = fit(Bound.SMILE, PairedData.of(s.x(), s.y()), tc, 3).history().toCsv();
        String npy = fit(Bound.SMILE, NpyData.open(xf, yf), tc, 3).history().toCsv();
        String fromCsv = fit(Bound.SMILE, CsvData.open(csv, true, new int[] {0, 1}, new int[] {2, 3}), tc, 3)
                .history().toCsv();
        assertSameHistory(mem, npy);
        assertSameHistory(mem, fromCsv);
    }

    /**
     * Same rows and iterations, values equal to 1e-4: the same batches in the same order give the same
     * history up to float summation order inside native kernels (different batches differ by ~1e-2).
     */
    private static void assertSameHistory(String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        assertEquals(e.length, a.length, "history length");
        for (int i = 0; i < e.length; i++) {
            String[] ec = e[i].split(",", -1);
            String[] ac = a[i].split(",", -1);
            assertEquals(ec[0] + "," + ec[1], ac[0] + "," + ac[1], "row " + i);
            for (int c = 2; c < ec.length; c++) {
                if (ec[c].isEmpty() || i == 0) {
                    assertEquals(ec[c], ac[c], "row " + i);
                } else {
                    assertEquals(Double.parseDouble(ec[c]), Double.parseDouble(ac[c]), 1e-4, "row " + i);
                }
            }
        }
    }

    private static void writeNpy(Path p, double[][] a) {
        try (NpyWriter w = NpyWriter.create(p, a.length, a[0].length)) {
            for (double[] row : a) {
                w.writeRow(row);
            }
        }
    }

    @Test
    void divergenceIsReportedNeverReturnedAsNaN() {
        PairedData data = PairedData.of(GAUSS.x(), GAUSS.y());
        FitResult r = fit(Bound.NWJ, data, TrainConfig.builder().maxIterations(2000).learningRate(1e4).seed(1)
                .build(), 1);
        assertEquals(FitResult.StopReason.DIVERGED, r.stopReason());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.contains("diverged")), () -> r.diagnostics().toString());
        DiscriminativeConfig bad = DiscriminativeConfig.builder(Bound.NWJ).hiddenDims(16, 16)
                .train(TrainConfig.builder().maxIterations(2000).learningRate(1e4).seed(1).build()).build();
        try {
            MIEstimate e = new DiscriminativeEstimator(bad).estimate(GAUSS.x(), GAUSS.y());
            assertTrue(Double.isFinite(e.value()));
            assertEquals(1, e.diagnostics().stream().filter(d -> d.contains("diverged")).count(),
                    e.diagnostics()::toString);
        } catch (TrainingDivergedException ex) {
            // one line, said once, in the option names the user typed
            String m = ex.getMessage();
            assertTrue(m.contains("diverged") && m.contains("try a smaller lr (lr = 10000"), m);
            assertEquals(m.indexOf("diverged"), m.lastIndexOf("diverged"), m);
            assertTrue(!m.contains("\n") && !m.contains("learning rate"), m);
            assertTrue(ex.result().diverged());
        }
    }

    @Test
    void infoNceNeverExceedsLogBatch() {
        // y = x: unbounded true MI, so InfoNCE saturates at its ceiling log(B)
        TaskSample s = GaussianTask.componentwise(2, 0.999).sample(3000, 8);
        int batch = 16;
        DiscriminativeConfig c = DiscriminativeConfig.builder(Bound.INFONCE).hiddenDims(32, 32)
                .train(TrainConfig.builder().batchSize(batch).maxIterations(1500).learningRate(2e-3).seed(3).build())
                .build();
        MIEstimate e = new DiscriminativeEstimator(c).estimate(s.x(), s.y());
        assertTrue(e.value() <= Math.log(batch) + 1e-6, () -> e.value() + " > log " + batch);
        assertTrue(e.value() > 0.75 * Math.log(batch), () -> "should approach the ceiling: " + e.value());
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.contains("log(batch)")));
        // each pointwise value f_i - log mean_m exp(f'_{m,i}) (the positive among the B) is <= log B exactly;
        // float32 rounding of large scores allows a little slack
        for (double v : e.pointwise().orElseThrow()) {
            assertTrue(v <= Math.log(batch) + 1e-3, () -> v + " > log " + batch);
        }
    }

    @Test
    void registryExposesTorchMistOptionNames() {
        for (String name : List.of("nwj", "mine", "infonce", "tuba", "alpha-tuba", "js", "smile", "flo")) {
            var p = EstimatorRegistry.global().provider(name);
            List<String> opts = p.options().stream().map(o -> o.name()).toList();
            assertTrue(opts.containsAll(List.of("hidden_dims", "batch_size", "max_iterations", "max_epochs", "lr",
                    "valid_percentage", "early_stopping", "patience", "tolerance", "neg_samples", "critic_type",
                    "device", "standardize", "folds")), name + " " + opts);
            assertEquals("300", p.demoOptions().get("max_iterations"));
        }
        MIEstimate e = EstimateMI.with("mine").option("hidden_dims", "16").option("max_iterations", 100)
                .option("gamma", 0.8).option("batch_size", 64).seed(4).estimate(GAUSS.x(), GAUSS.y());
        assertEquals(4, e.seed());
        assertEquals(100, e.history().orElseThrow().steps().size());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> EstimateMI.with("nwj").option("tau", 3).estimate(GAUSS.x(), GAUSS.y()));
        assertTrue(ex.getMessage().contains("tau"), ex::getMessage);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EstimateMI.with("nwj").option("neg_samples", -3).estimate(GAUSS.x(), GAUSS.y()));
        assertTrue(bad.getMessage().contains("neg_samples"), bad::getMessage);
    }
}
