package io.mist.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.core.TrainingListener;
import io.mist.data.PairedData;
import io.mist.estimators.discriminative.Bound;
import io.mist.estimators.discriminative.DiscriminativeConfig;
import io.mist.estimators.discriminative.DiscriminativeNeuralEstimator;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.plot.CurvePlots;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;
import io.mist.train.TrainConfig;
import io.mist.train.Trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The MINE / MI-NEE walkthrough of the "Mutual Information Estimation" notebook (C. Chan's course notes): a
 * bivariate Gaussian whose correlation is drawn as there, {@code rho = 1 - 0.19 U} with {@code U} uniform
 * (from this example's seed, not NumPy's generator), n = 1,000 samples, and four estimators trained on it with
 * the notebook's network (two hidden layers of 100, ELU) and batches of 100:
 * <ul>
 * <li>{@code mine}: Donsker-Varadhan with the moving-average correction of the gradient (the notebook's
 * smoothing factor {@code beta}, here the library's default 0.9);</li>
 * <li>{@code dv}: the same bound without the moving average;</li>
 * <li>{@code mine} with {@code resampling=with_replacement}: the product-of-marginals samples drawn with
 * replacement instead of by permutation;</li>
 * <li>{@code mi-nee}: three divergences to Gaussian references with i.i.d. reference draws.</li>
 * </ul>
 * The estimate on the validation rows after every epoch is collected by a {@link TrainingListener} and drawn
 * against the truth {@code -ln(1 - rho^2) / 2} (training curves); the trained MINE critic {@code t(x, y)} is
 * drawn on a grid (heat map). Both PNGs go to the directory given; the library writes nothing by itself.
 *
 * <p>Arguments (all optional): {@code dir} (default {@code .}), {@code iterations} per estimator (default
 * 1000, the notebook's 100 epochs of 10 batches), {@code seed} (default 0).
 */
public final class MineNotebookExample {
    /** Samples, as in the notebook. */
    public static final int N = 1000;
    private static final int BATCH = 100;
    private static final String HIDDEN = "100,100";
    private static final int GRID = 25;
    private static final double GRID_HALF_WIDTH = 3;

    private MineNotebookExample() {
    }

    /**
     * The outcome.
     *
     * @param rho the drawn correlation
     * @param truth exact MI in nats
     * @param curves per estimator, the validation estimate after each epoch
     * @param estimates per estimator, the final estimate
     * @param curvesPlot the PNG of the training curves
     * @param heatMap the PNG of the MINE critic
     */
    public record Result(double rho, double truth, Map<String, double[]> curves, Map<String, MIEstimate> estimates,
            Path curvesPlot, Path heatMap) {
    }

    /** Runs the example and prints a table of the estimates. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "rho %.4f, true MI %.4f nats (n = %d)%n", r.rho(), r.truth(), N);
        for (Map.Entry<String, MIEstimate> e : r.estimates().entrySet()) {
            System.out.printf(Locale.ROOT, "%-34s %.4f nats (%d epochs)%n", e.getKey(), e.getValue().value(),
                    r.curves().get(e.getKey()).length);
        }
        System.out.printf(Locale.ROOT, "curves   %s%nheat map %s%n", r.curvesPlot(), r.heatMap());
    }

    /** Draws the data, trains the four estimators, plots, and returns the result. */
    public static Result runExample(String... args) {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0L;

        double rho = 1 - 0.19 * new SplittableRandom(seed).nextDouble();
        GaussianTask task = GaussianTask.bivariate(rho);
        TaskSample data = task.sample(N, seed);

        Map<String, String[]> runs = new LinkedHashMap<>();
        runs.put("mine (moving average)", new String[] {"mine"});
        runs.put("dv (no moving average)", new String[] {"dv"});
        runs.put("mine, resampling with replacement", new String[] {"mine", "resampling", "with_replacement"});
        runs.put("mi-nee (Gaussian references)", new String[] {"mi-nee"});
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, MIEstimate> estimates = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> run : runs.entrySet()) {
            String[] spec = run.getValue();
            List<Double> perEpoch = new ArrayList<>();
            EstimateMI.Request q = EstimateMI.with(spec[0]).option("hidden_dims", HIDDEN).option("activation", "elu")
                    .option("batch_size", BATCH).option("max_iterations", iterations).option("early_stopping", false)
                    .option("folds", 1).seed(seed).listener(new TrainingListener() {
                        @Override
                        public void onEvaluation(int iteration, double value, double best) {
                            perEpoch.add(value);
                        }
                    });
            for (int k = 1; k + 1 < spec.length; k += 2) {
                q = q.option(spec[k], spec[k + 1]);
            }
            estimates.put(run.getKey(), q.estimate(data.x(), data.y()));
            curves.put(run.getKey(), perEpoch.stream().mapToDouble(Double::doubleValue).toArray());
        }
        Path curvesPlot = dir.resolve("mine-notebook-curves.png");
        CurvePlots.writeCurves(curves, "epoch", String.format(Locale.ROOT,
                "MINE notebook: estimate per epoch (rho = %.3f)", rho), OptionalDouble.of(task.trueMutualInformation()),
                curvesPlot);
        Path heatMap = dir.resolve("mine-notebook-critic.png");
        double[] axis = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            axis[i] = -GRID_HALF_WIDTH + 2 * GRID_HALF_WIDTH * i / (GRID - 1);
        }
        CurvePlots.writeGridHeatMap(axis, axis, mineCritic(data, iterations, seed, axis), "MINE critic t(x, y)",
                heatMap);
        return new Result(rho, task.trueMutualInformation(), curves, estimates, curvesPlot, heatMap);
    }

    /** Trains MINE's critic on all rows (the notebook's setting) and evaluates it on the grid {@code axis^2}. */
    private static double[][] mineCritic(TaskSample data, int iterations, long seed, double[] axis) {
        DiscriminativeConfig c = DiscriminativeConfig.builder(Bound.MINE).hiddenDims(100, 100)
                .activation(Nonlinearity.ELU).train(TrainConfig.builder().batchSize(BATCH).maxIterations(iterations)
                        .earlyStopping(false).validFraction(0).seed(seed).build())
                .build();
        int g = axis.length;
        float[] gx = new float[g * g];
        float[] gy = new float[g * g];
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                gx[j * g + i] = (float) axis[i];
                gy[j * g + i] = (float) axis[j];
            }
        }
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                DiscriminativeNeuralEstimator net = DiscriminativeNeuralEstimator.create(c, 1, 1, m, seed)) {
            Trainer.fit(net, PairedData.of(data.x(), data.y()), c.train());
            NDArray t = net.critic().positive(m.create(gx, new Shape(g * g, 1)), m.create(gy, new Shape(g * g, 1)));
            float[] v = t.toFloatArray();
            double[][] z = new double[g][g];
            for (int j = 0; j < g; j++) {
                for (int i = 0; i < g; i++) {
                    z[j][i] = v[j * g + i];
                }
            }
            return z;
        }
    }
}
