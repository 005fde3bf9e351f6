package io.mist.spark;

import io.mist.EstimateMI;
import io.mist.train.data.NpyWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Speed of MI feature ranking (not a unit test; run with {@code mist-spark/run-bench ranking}): a table of
 * {@code f0..f98} (independent standard normals) and a target {@code y = f0 + f1^2 + sin(2 f2) + 0.5 e}, n rows,
 * ranked against y with KSG (k = 3) in four ways, interleaved round by round: {@code rankFeatures} in Spark
 * {@code local[2]} on a cached DataFrame; the single-machine loop of {@code EstimateMI} calls, one thread
 * ({@code threads=1}) and KSG's own pool on all cores ({@code threads=0}); and scikit-learn's
 * {@code mutual_info_regression} (n_neighbors = 3) on the same table written as {@code .npy}, run by
 * {@code mist-bench/scripts/rank_sklearn.py}. Prints a markdown table and the top features of each.
 *
 * <p>Arguments: {@code rows columns rounds python} (defaults 100000, 100, 2, {@code /tmp/venv/bin/python}; a
 * python of {@code none} skips scikit-learn).
 */
public final class RankingSpeed {
    private RankingSpeed() {
    }

    /** Row {@code i} of the table: the features, then y; a function of (seed, i) only. */
    static double[] row(long seed, long i, int columns) {
        SplittableRandom r = new SplittableRandom(Shards.mix(seed + 0x9E3779B97F4A7C15L * (i + 1)));
        double[] v = new double[columns];
        for (int j = 0; j < columns - 1; j++) {
            v[j] = r.nextGaussian();
        }
        v[columns - 1] = v[0] + v[1] * v[1] + Math.sin(2 * v[2]) + 0.5 * r.nextGaussian();
        return v;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String python = args.length > 3 ? args[3] : "/tmp/venv/bin/python";
        long seed = 2026;
        String[] names = new String[d];
        for (int j = 0; j < d - 1; j++) {
            names[j] = "f" + j;
        }
        names[d - 1] = "y";

        double[][] cols = new double[d][n];
        for (int i = 0; i < n; i++) {
            double[] v = row(seed, i, d);
            for (int j = 0; j < d; j++) {
                cols[j][i] = v[j];
            }
        }
        Path npy = Files.createTempDirectory("ranking-speed").resolve("table.npy");
        try (NpyWriter w = NpyWriter.create(npy, n, d)) {
            double[] v = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    v[j] = cols[j][i];
                }
                w.writeRow(v);
            }
        }

        SparkSession spark = SparkSession.builder().master("local[2]").appName("RankingSpeed")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        StructType schema = new StructType(Arrays.stream(names)
                .map(c -> DataTypes.createStructField(c, DataTypes.DoubleType, false)).toArray(StructField[]::new));
        int slices = 8;
        List<Integer> starts = IntStream.range(0, slices).boxed().toList();
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(starts, slices)
                .flatMap(s -> {
                    List<Row> out = new ArrayList<>();
                    for (long i = (long) s * n / slices; i < (long) (s + 1) * n / slices; i++) {
                        out.add(RowFactory.create(Arrays.stream(row(seed, i, d)).boxed().toArray()));
                    }
                    return out.iterator();
                });
        Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
        df.count();

        System.out.printf(Locale.ROOT, "n = %d, %d features against y, KSG k = 3; %d cores; load average at start %s%n",
                n, d - 1, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("| round | method | seconds |");
        System.out.println("| --- | --- | --- |");
        String[] top = new String[4];
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            List<Row> ranked = MutualInformationMatrix.with("ksg").rankFeatures(df, "y").collectAsList();
            print(round, "mist-spark rankFeatures, local[2]", t0);
            top[0] = ranked.subList(0, 5).stream().map(r -> r.getString(0) + String.format(Locale.ROOT, " %.3f",
                    r.getDouble(3))).toList().toString();

            for (String threads : new String[] {"1", "0"}) {
                t0 = System.nanoTime();
                double[] mi = new double[d - 1];
                for (int j = 0; j < d - 1; j++) {
                    mi[j] = EstimateMI.with("ksg").option("threads", threads).estimate(cols[j], cols[d - 1]).value();
                }
                print(round, "EstimateMI loop, ksg threads=" + threads + (threads.equals("0") ? " (all cores)" : ""),
                        t0);
                top[threads.equals("1") ? 1 : 2] = top(names, mi);
            }
            if (!python.equals("none")) {
                t0 = System.nanoTime();
                top[3] = sklearn(python, npy);
                print(round, "scikit-learn mutual_info_regression (process incl. NumPy load)", t0);
            }
        }
        System.out.println();
        System.out.println("top 5 (feature, MI nats): spark " + top[0]);
        System.out.println("loop threads=1 " + top[1]);
        System.out.println("loop threads=0 " + top[2]);
        System.out.println("scikit-learn " + top[3]);
        System.out.println("load average at end " + loadAverage());
        spark.stop();
        Files.deleteIfExists(npy);
    }

    private static String top(String[] names, double[] mi) {
        return IntStream.range(0, mi.length).boxed().sorted(Comparator.comparingDouble(j -> -mi[j])).limit(5)
                .map(j -> names[j] + String.format(Locale.ROOT, " %.3f", mi[j])).toList().toString();
    }

    private static void print(int round, String method, long t0) {
        System.out.printf(Locale.ROOT, "| %d | %s | %.1f |%n", round, method, (System.nanoTime() - t0) / 1e9);
    }

    private static String sklearn(String python, Path npy) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python, "mist-bench/scripts/rank_sklearn.py", npy.toString())
                .redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(l -> out.append(l).append('\n'));
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("rank_sklearn.py failed: " + out);
        }
        return out.toString().strip();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
