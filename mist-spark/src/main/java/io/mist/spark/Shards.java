package io.mist.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import scala.Tuple2;

/**
 * The shard strategy of {@link MutualInformationMatrix#shardSize(int)} for pairs with very large n: the rows of
 * a pair (missing values dropped) are sorted by a seeded hash of their values, numbered, and dealt round-robin
 * into {@code K = max(1, floor(N / size))} shards; each shard is gathered by one task, put in canonical order
 * and estimated with the seed {@link #shardSeed}; the pair's estimate is the mean of the shard estimates and its
 * standard error their standard deviation over {@code sqrt(K)}. The hash order is a function of the values and
 * the seed only, so the deal does not depend on the partitioning; identical rows sort together and are dealt to
 * different shards.
 */
final class Shards {
    /** The smallest shard size accepted. */
    static final int MIN_ROWS = 10;

    private Shards() {
    }

    /** Estimates each pair on its shards, one pair after another (a few Spark jobs per pair). */
    static List<PairResult> estimate(Dataset<Row> df, List<String[]> pairs, PairEstimator est, long seed,
            int size) {
        long total = df.count();
        List<PairResult> out = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            out.add(estimatePair(df, p, pairs.get(p)[0], pairs.get(p)[1], est, seed, size, total));
        }
        return out;
    }

    private static PairResult estimatePair(Dataset<Row> df, int index, String x, String y, PairEstimator est,
            long seed, int size, long total) {
        long pairSeed = MutualInformationMatrix.pairSeed(seed, x, y);
        JavaRDD<double[]> rows = df.select(MutualInformationMatrix.column(df, x), MutualInformationMatrix.column(df, y)).javaRDD().flatMap(r -> {
            double a = r.isNullAt(0) ? Double.NaN : ((Number) r.get(0)).doubleValue();
            double b = r.isNullAt(1) ? Double.NaN : ((Number) r.get(1)).doubleValue();
            // + 0.0 turns -0.0 into 0.0, so that equal values hash alike
            return Double.isFinite(a) && Double.isFinite(b) ? List.of(new double[] {a + 0.0, b + 0.0}).iterator()
                    : Collections.emptyIterator();
        }).cache();
        try {
            long kept = rows.count();
            if (kept == 0) {
                return new PairResult(index, x, y, Double.NaN, Double.NaN, Double.NaN, 0, total,
                        "no row where both are present");
            }
            long k = Math.max(1, kept / size);
            List<PairResult> shards = new ArrayList<>(rows
                    .mapToPair(v -> new Tuple2<>(new ShardKey(hash(pairSeed, v[0], v[1]), v[0], v[1]), v))
                    .sortByKey().values().zipWithIndex()
                    .mapToPair(t -> new Tuple2<>(t._2() % k, t._1()))
                    .groupByKey(new HashPartitioner((int) Math.min(k, Integer.MAX_VALUE)))
                    .map(g -> {
                        List<Double> xs = new ArrayList<>();
                        List<Double> ys = new ArrayList<>();
                        g._2().forEach(v -> {
                            xs.add(v[0]);
                            ys.add(v[1]);
                        });
                        PairData data = PairData.canonical(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                                ys.stream().mapToDouble(Double::doubleValue).toArray(), 0);
                        int s = (int) (long) g._1();
                        return est.estimate(s, x, y, data, shardSeed(pairSeed, s));
                    }).collect());
            for (PairResult s : shards) {
                if (s.error() != null) {
                    return new PairResult(index, x, y, Double.NaN, Double.NaN, Double.NaN, kept, total - kept,
                            "shard " + s.index() + ": " + s.error());
                }
            }
            double[] values = shards.stream().mapToDouble(PairResult::mi).toArray();
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double se;
            if (values.length == 1) {
                se = shards.get(0).stdError();
            } else {
                double ss = 0;
                for (double v : values) {
                    ss += (v - mean) * (v - mean);
                }
                se = Math.sqrt(ss / (values.length - 1) / values.length);
            }
            return new PairResult(index, x, y, mean, se, Double.NaN, kept, total - kept, null);
        } finally {
            rows.unpersist(false);
        }
    }

    /** The seed of shard {@code shard} of a pair. */
    static long shardSeed(long pairSeed, int shard) {
        return mix(pairSeed + 0x9E3779B97F4A7C15L * (shard + 1L));
    }

    /** A seeded hash of one row's values. */
    static long hash(long seed, double x, double y) {
        return mix(mix(seed ^ Double.doubleToLongBits(x)) ^ Double.doubleToLongBits(y));
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The sort key of a row: its hash, then its values (equal keys are equal rows). */
    record ShardKey(long hash, double x, double y) implements Comparable<ShardKey>, Serializable {
        @Override
        public int compareTo(ShardKey o) {
            int c = Long.compare(hash, o.hash);
            if (c == 0) {
                c = Double.compare(x, o.x);
            }
            return c != 0 ? c : Double.compare(y, o.y);
        }
    }
}
