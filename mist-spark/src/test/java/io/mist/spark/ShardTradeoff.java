package io.mist.spark;

import io.mist.EstimateMI;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.apache.spark.sql.types.StructType;

/**
 * The shard strategy's bias and speed (not a unit test; run with {@code mist-spark/run-bench shards}): one pair
 * of correlated standard normals (rho = 0.6 and 0.95; I = -0.5 log(1 - rho^2) = 0.223 and 1.164 nats), n rows,
 * KSG k = 3, estimated in Spark {@code local[2]} on shards of 1,000, 10,000 and 100,000 rows and as one task
 * (no shards), and by {@code EstimateMI} on one machine (KSG's pool on all cores); rounds interleaved. Prints a
 * markdown table of estimate, error against the truth, reported standard error and seconds.
 *
 * <p>Arguments: {@code rows rounds} (defaults 1000000, 2).
 */
public final class ShardTradeoff {
    private ShardTradeoff() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("ShardTradeoff")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        System.out.printf(Locale.ROOT, "n = %d, KSG k = 3, %d cores; load average at start %s%n", n,
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println("| rho | truth | round | method | MI | error | std_error | seconds |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (double rho : new double[] {0.6, 0.95}) {
            double truth = -0.5 * Math.log(1 - rho * rho);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double[] v = row(rho, i);
                x[i] = v[0];
                y[i] = v[1];
            }
            int slices = 8;
            JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(IntStream.range(0, slices).boxed().toList(), slices).flatMap(s -> {
                        List<Row> out = new ArrayList<>();
                        for (long i = (long) s * n / slices; i < (long) (s + 1) * n / slices; i++) {
                            double[] v = row(rho, i);
                            out.add(RowFactory.create(v[0], v[1]));
                        }
                        return out.iterator();
                    });
            StructType schema = new StructType().add("x", DataTypes.DoubleType, false)
                    .add("y", DataTypes.DoubleType, false);
            Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
            df.count();
            for (int round = 1; round <= rounds; round++) {
                for (int shard : new int[] {1_000, 10_000, 100_000, 0}) {
                    long t0 = System.nanoTime();
                    Row r = MutualInformationMatrix.with("ksg").shardSize(shard).allPairs(df).first();
                    print(rho, truth, round, shard == 0 ? "spark, one task (no shards)"
                            : String.format(Locale.ROOT, "spark, shards of %,d (K = %,d)", shard, n / shard),
                            r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4), t0);
                }
                long t0 = System.nanoTime();
                double mi = EstimateMI.with("ksg").estimate(x, y).value();
                print(rho, truth, round, "EstimateMI, one machine (threads=0)", mi, Double.NaN, t0);
            }
            df.unpersist();
        }
        System.out.println("load average at end " + Files.readString(Path.of("/proc/loadavg")).strip());
        spark.stop();
    }

    /** Row {@code i}: (x, y) with correlation rho; a function of (rho, i) only. */
    static double[] row(double rho, long i) {
        SplittableRandom r = new SplittableRandom(Shards.mix(Double.doubleToLongBits(rho) + 0x9E3779B97F4A7C15L * (i + 1)));
        double x = r.nextGaussian();
        return new double[] {x, rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian()};
    }

    private static void print(double rho, double truth, int round, String method, double mi, double se, long t0) {
        System.out.printf(Locale.ROOT, "| %.2f | %.4f | %d | %s | %.4f | %+.4f | %s | %.1f |%n", rho, truth, round,
                method, mi, mi - truth, Double.isNaN(se) ? "" : String.format(Locale.ROOT, "%.4f", se),
                (System.nanoTime() - t0) / 1e9);
    }
}
