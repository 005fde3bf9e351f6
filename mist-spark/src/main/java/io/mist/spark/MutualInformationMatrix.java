package io.mist.spark;

import io.mist.EstimateMI;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSpec;
import io.mist.uncertainty.Significance;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import scala.Tuple2;

/**
 * Mutual information between the columns of a Spark DataFrame, distributed over pairs of columns: every pair
 * ({@link #allPairs}), every column against one target ({@link #againstTarget}), or features ranked by MI with
 * a target ({@link #rankFeatures}), the cluster counterpart of scikit-learn's {@code mutual_info_regression}
 * and {@code mutual_info_classif}. Any registered estimator runs, with its options as {@code mist list} names
 * them; MI is in nats.
 *
 * <pre>{@code
 * Dataset<Row> mi = MutualInformationMatrix.with("ksg").option("k", "5").seed(7).permutations(99)
 *         .allPairs(df, "a", "b", "c");
 * Dataset<Row> ranked = MutualInformationMatrix.rankFeatures(df, "label", "ksg-mixed");
 * }</pre>
 *
 * <p><b>How the work is distributed.</b> One pass over the DataFrame: each partition turns its rows into one
 * chunk of values per column (an array, not a record per row) and sends, for every pair, the two chunks to the
 * pair's task; each pair's task gathers its chunks once, drops the rows with a missing value, and makes one
 * estimate. The data a pair's task receives is its two columns, so the shuffle moves {@code 2 n} values per
 * pair; for m columns, all pairs move {@code m (m - 1) n} values, against the target {@code 2 (m - 1) n}. The
 * rows of one pair must fit in one task's memory: for a pair with very large n, see {@link #shardSize(int)}.
 *
 * <p><b>Same result whatever the partitioning.</b> A DataFrame has no row order that survives repartitioning,
 * so each pair's rows are put in a canonical order (by x, then y) before the estimate, and the pair's seed is
 * derived from the seed and the two column names ({@link #pairSeed}), never from partition or task ids. Each
 * entry therefore equals {@code EstimateMI.with(estimator).options(...).seed(pairSeed(seed, x, y))
 * .permutations(P).threads(1).estimate(x, y)} on the pair's rows in that order, whatever the partitioning.
 *
 * <p><b>Columns.</b> Numeric columns (byte to double, decimal) are read as doubles; string and boolean columns
 * are categorical, their labels coded {@code 0, 1, ...} in sorted order within each pair (use a discrete
 * estimator such as {@code discrete} or {@code ksg-mixed} for them). A row with a null in either column of a
 * pair (or a NaN or infinite number) is dropped for that pair only and counted in {@code n_dropped}.
 *
 * <p><b>Result.</b> A small DataFrame, computed when the method returns (one Spark job), with the columns
 * {@code x, y, estimator, mi, std_error, p_value, n, n_dropped, q_value}, one row per pair in the requested
 * order; {@code std_error}, {@code p_value} and {@code q_value} are null where not computed. With
 * {@link #permutations(int)} each pair has a permutation p-value (some estimators, as {@code gaussian}, report an
 * analytic one without); when every pair has a p-value, {@code q_value} is its Benjamini-Hochberg adjustment over
 * all pairs of the call ({@link Significance}).
 *
 * <p><b>Errors.</b> An unknown estimator or option fails in {@link #with} or {@link #option}; an unknown,
 * repeated or unsupported column fails before any Spark job starts; a pair the estimator refuses (a constant
 * column, too few rows left) fails the call with an {@link IllegalArgumentException} naming the two columns.
 *
 * <p>Immutable and serializable: each setter returns a new instance.
 */
public final class MutualInformationMatrix implements Serializable {
    /** Result column: the first column of a pair (the feature, against a target). */
    public static final String X = "x";
    /** Result column: the second column of a pair (the target, against a target). */
    public static final String Y = "y";
    /** Result column: the estimator's registered name. */
    public static final String ESTIMATOR = "estimator";
    /** Result column: the estimate of I(X;Y), nats. */
    public static final String MI = "mi";
    /** Result column: its standard error, nats (null when not estimated). */
    public static final String STD_ERROR = "std_error";
    /** Result column: the permutation p-value of independence (null without permutations). */
    public static final String P_VALUE = "p_value";
    /** Result column: rows used. */
    public static final String N = "n";
    /** Result column: rows dropped for a missing value in either column. */
    public static final String N_DROPPED = "n_dropped";
    /** Result column: the Benjamini-Hochberg adjusted p-value over the pairs of the call (null without). */
    public static final String Q_VALUE = "q_value";
    /** Column of {@link #rankFeatures}: 1 for the feature with the largest MI. */
    public static final String RANK = "rank";

    /** The seed when none is given (the library's default). */
    public static final long DEFAULT_SEED = EstimateMI.DEFAULT_SEED;

    /** The schema of {@link #allPairs} and {@link #againstTarget}. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(X, DataTypes.StringType, false),
        DataTypes.createStructField(Y, DataTypes.StringType, false),
        DataTypes.createStructField(ESTIMATOR, DataTypes.StringType, false),
        DataTypes.createStructField(MI, DataTypes.DoubleType, false),
        DataTypes.createStructField(STD_ERROR, DataTypes.DoubleType, true),
        DataTypes.createStructField(P_VALUE, DataTypes.DoubleType, true),
        DataTypes.createStructField(N, DataTypes.LongType, false),
        DataTypes.createStructField(N_DROPPED, DataTypes.LongType, false),
        DataTypes.createStructField(Q_VALUE, DataTypes.DoubleType, true)});

    private static final long serialVersionUID = 1L;
    private static final String THREADS_OPTION = "threads";

    private final String estimator;
    private final Map<String, String> options;
    private final long seed;
    private final int permutations;
    private final int shardSize;

    private MutualInformationMatrix(String estimator, Map<String, String> options, long seed, int permutations,
            int shardSize) {
        this.estimator = estimator;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.seed = seed;
        this.permutations = permutations;
        this.shardSize = shardSize;
    }

    /**
     * A matrix with the named estimator at its defaults, seed {@link #DEFAULT_SEED}, no permutations. When the
     * estimator has a {@code threads} option it is set to 1 unless given: the pairs are the parallel work.
     *
     * @throws IllegalArgumentException if no estimator has that name (the message lists the names)
     */
    public static MutualInformationMatrix with(String estimator) {
        if (estimator == null) {
            throw new IllegalArgumentException("estimator must not be null; give a name from 'mist list', e.g. ksg");
        }
        EstimatorProvider p = EstimatorRegistry.global().provider(estimator);
        Map<String, String> opts = new LinkedHashMap<>();
        if (p.options().stream().map(OptionSpec::name).anyMatch(THREADS_OPTION::equals)) {
            opts.put(THREADS_OPTION, "1");
        }
        return new MutualInformationMatrix(p.name(), opts, DEFAULT_SEED, 0, 0);
    }

    /**
     * Sets estimator option {@code key} (as {@code mist list} names it) to {@code value}.
     *
     * @throws IllegalArgumentException if the estimator has no such option or the value is invalid
     */
    public MutualInformationMatrix option(String key, String value) {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.put(key, value);
        MutualInformationMatrix m = new MutualInformationMatrix(estimator, o, seed, permutations, shardSize);
        m.pairEstimator().request(seed).build(); // checks the name and value now, on the driver
        return m;
    }

    /** Sets the seed every pair's seed is derived from ({@link #pairSeed}). */
    public MutualInformationMatrix seed(long value) {
        return new MutualInformationMatrix(estimator, options, value, permutations, shardSize);
    }

    /**
     * Adds a permutation p-value of independence to every pair, from {@code count} permutations of the
     * pair's y rows (0 = none); the smallest possible p-value is {@code 1 / (count + 1)}.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public MutualInformationMatrix permutations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("permutations must be 0 (none) or more, got " + count);
        }
        return new MutualInformationMatrix(estimator, options, seed, count, shardSize);
    }

    /**
     * Estimates each pair on disjoint random shards of about {@code rows} rows instead of on all its rows at
     * once (0, the default, turns sharding off). For a pair whose rows do not fit one task, or whose single
     * estimate takes too long: with {@code N} rows left after dropping missing values, the rows are dealt into
     * {@code K = max(1, floor(N / rows))} shards of {@code N / K} rows (rounded down or up; so between
     * {@code rows} and {@code 2 rows}), each shard is estimated as its own task with its own seed, and the
     * pair's {@code mi} is the mean of the K shard estimates, its {@code std_error} their standard deviation
     * over {@code sqrt(K)}.
     *
     * <p>The trade: a shard estimate has the bias of the estimator at the shard size, not at N, and averaging
     * shards does not remove it (it only shrinks the spread); the standard error describes the spread, not the
     * bias. Choose the shard size at which the estimator's bias is acceptable (docs/scale-out.md has measured
     * tables). The deal is a seeded hash of each row's values, so it does not depend on the partitioning. Shards
     * run one pair at a time, for numeric columns, without permutations.
     *
     * @throws IllegalArgumentException if {@code rows} is negative or between 1 and 9
     */
    public MutualInformationMatrix shardSize(int rows) {
        if (rows != 0 && rows < Shards.MIN_ROWS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "shardSize must be 0 (no shards) or at least %d rows, got %d", Shards.MIN_ROWS, rows));
        }
        return new MutualInformationMatrix(estimator, options, seed, permutations, rows);
    }

    /**
     * MI of every pair of {@code columns} ({@code (c_i, c_j)} for {@code i < j}, in the order given); with no
     * columns, every numeric column of {@code df} in schema order.
     *
     * @throws IllegalArgumentException for an unknown, repeated or unsupported column, fewer than two columns,
     *     or a pair the estimator refuses
     */
    public Dataset<Row> allPairs(Dataset<Row> df, String... columns) {
        Table t = Table.of(df, columns, null);
        List<String[]> pairs = new ArrayList<>();
        for (int a = 0; a < t.columns().size(); a++) {
            for (int b = a + 1; b < t.columns().size(); b++) {
                pairs.add(new String[] {t.columns().get(a), t.columns().get(b)});
            }
        }
        return toFrame(df, compute(df, t, pairs));
    }

    /**
     * MI of every one of {@code columns} with {@code target} (pairs {@code (c, target)}, in the order given);
     * with no columns, every numeric column of {@code df} but the target.
     *
     * @throws IllegalArgumentException for an unknown, repeated or unsupported column or target, no column
     *     besides the target, or a pair the estimator refuses
     */
    public Dataset<Row> againstTarget(Dataset<Row> df, String target, String... columns) {
        return toFrame(df, targetPairs(df, target, columns));
    }

    /**
     * The {@code features} (default: every numeric column but the target) ranked by MI with {@code target},
     * largest first: the columns of {@link #againstTarget} and {@link #RANK} (1, 2, ...; ties in the order
     * given). With {@link #permutations(int)}, {@code p_value} and the Benjamini-Hochberg {@code q_value} say
     * which features are dependent on the target at a chosen false-discovery rate ({@code q_value <= alpha}).
     *
     * @throws IllegalArgumentException as for {@link #againstTarget}
     */
    public Dataset<Row> rankFeatures(Dataset<Row> df, String target, String... features) {
        List<PairResult> results = new ArrayList<>(targetPairs(df, target, features));
        results.sort(Comparator.comparingDouble(PairResult::mi).reversed().thenComparingInt(PairResult::index));
        double[] q = qValues(results);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(RowFactory.create(append(values(results.get(i), q == null ? null : q[i]), i + 1)));
        }
        return df.sparkSession().createDataFrame(rows, SCHEMA.add(RANK, DataTypes.IntegerType, false));
    }

    /**
     * Every numeric column of {@code df} but {@code target} ranked by MI with the target, with the named
     * estimator at its defaults: {@code with(estimator).rankFeatures(df, target)}.
     */
    public static Dataset<Row> rankFeatures(Dataset<Row> df, String target, String estimator) {
        return with(estimator).rankFeatures(df, target);
    }

    /**
     * The seed of pair {@code (x, y)}: a hash of the two column names (UTF-8, 64-bit FNV-1a) mixed with
     * {@code seed} (SplitMix64's finaliser). It depends only on these three values, so the pairs of one call get
     * different permutations and noise, and a pair gets the same ones in every call, on any partitioning.
     */
    public static long pairSeed(long seed, String x, String y) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (x + '\u0000' + y).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return Shards.mix(seed + 0x9E3779B97F4A7C15L * (h | 1));
    }

    /** The estimator's registered name. */
    public String estimator() {
        return estimator;
    }

    /** The options in effect (those given, and {@code threads=1} where the estimator has that option). */
    public Map<String, String> options() {
        return options;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Permutations per pair (0 = none). */
    public int permutations() {
        return permutations;
    }

    /** Rows per shard (0 = no shards). */
    public int shardSize() {
        return shardSize;
    }

    private PairEstimator pairEstimator() {
        return new PairEstimator(estimator, options, permutations);
    }

    private List<PairResult> targetPairs(Dataset<Row> df, String target, String... columns) {
        Table t = Table.of(df, columns, target);
        List<String[]> pairs = new ArrayList<>();
        for (String c : t.columns()) {
            pairs.add(new String[] {c, target});
        }
        return compute(df, t, pairs);
    }

    /** Checks what can be checked on the driver, then runs one job (or, with shards, a few per pair). */
    private List<PairResult> compute(Dataset<Row> df, Table table, List<String[]> pairs) {
        if (shardSize > 0) {
            if (permutations > 0) {
                throw new IllegalArgumentException("permutations and shardSize cannot be combined (a p-value per "
                        + "shard has no agreed merge); drop one of them");
            }
            for (String c : table.names()) {
                if (table.kind(c) != ColumnKind.NUMERIC) {
                    throw new IllegalArgumentException("shardSize needs numeric columns; column '" + c
                            + "' is categorical (" + df.schema().apply(c).dataType().simpleString()
                            + "); estimate it without shards");
                }
            }
        }
        List<PairResult> results = shardSize > 0
                ? Shards.estimate(df, pairs, pairEstimator(), seed, shardSize)
                : distributeOverPairs(df, table, pairs);
        for (PairResult r : results) {
            if (r.error() != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "columns '%s' and '%s': %s", r.x(),
                        r.y(), r.error()));
            }
        }
        return results;
    }

    private List<PairResult> distributeOverPairs(Dataset<Row> df, Table table, List<String[]> pairs) {
        List<String> names = table.names();
        ColumnKind[] kinds = names.stream().map(table::kind).toArray(ColumnKind[]::new);
        int[][] pairColumns = pairs.stream().map(p -> new int[] {names.indexOf(p[0]), names.indexOf(p[1])})
                .toArray(int[][]::new);
        String[][] pairNames = pairs.toArray(String[][]::new);
        PairEstimator est = pairEstimator();
        long baseSeed = seed;
        JavaPairRDD<Integer, ColumnChunk[]> chunks = df.select(names.stream().map(c -> column(df, c))
                .toArray(Column[]::new)).javaRDD().mapPartitionsToPair(rows -> {
                    List<Row> part = new ArrayList<>();
                    rows.forEachRemaining(part::add);
                    List<Tuple2<Integer, ColumnChunk[]>> out = new ArrayList<>();
                    if (part.isEmpty()) {
                        return out.iterator();
                    }
                    ColumnChunk[] cols = new ColumnChunk[kinds.length];
                    for (int j = 0; j < kinds.length; j++) {
                        cols[j] = ColumnChunk.of(part, j, kinds[j]);
                    }
                    for (int p = 0; p < pairColumns.length; p++) {
                        out.add(new Tuple2<>(p, new ColumnChunk[] {cols[pairColumns[p][0]], cols[pairColumns[p][1]]}));
                    }
                    return out.iterator();
                });
        List<PairResult> results = new ArrayList<>(chunks.groupByKey(new HashPartitioner(pairs.size())).map(g -> {
            int p = g._1();
            String x = pairNames[p][0];
            String y = pairNames[p][1];
            return est.estimate(p, x, y, PairData.gather(g._2()), pairSeed(baseSeed, x, y));
        }).collect());
        // a pair whose every partition was empty never reached a task
        Set<Integer> seen = new HashSet<>();
        results.forEach(r -> seen.add(r.index()));
        for (int p = 0; p < pairs.size(); p++) {
            if (!seen.contains(p)) {
                results.add(new PairResult(p, pairNames[p][0], pairNames[p][1], Double.NaN, Double.NaN,
                        Double.NaN, 0, 0, "the DataFrame has no rows"));
            }
        }
        results.sort(Comparator.comparingInt(PairResult::index));
        return results;
    }

    /** Column {@code name} of {@code df}, quoted so that dots and spaces in the name are taken literally. */
    static Column column(Dataset<Row> df, String name) {
        return df.col("`" + name.replace("`", "``") + "`");
    }

    private Dataset<Row> toFrame(Dataset<Row> df, List<PairResult> results) {
        double[] q = qValues(results);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(RowFactory.create(values(results.get(i), q == null ? null : q[i])));
        }
        return df.sparkSession().createDataFrame(rows, SCHEMA);
    }

    /**
     * Benjamini-Hochberg over the pairs' p-values, or null unless every pair has one (from permutations, or
     * from an estimator that reports its own, as {@code gaussian}).
     */
    private static double[] qValues(List<PairResult> results) {
        if (results.stream().anyMatch(r -> Double.isNaN(r.pValue()))) {
            return null;
        }
        return Significance.benjaminiHochberg(results.stream().mapToDouble(PairResult::pValue).toArray());
    }

    private Object[] values(PairResult r, Double q) {
        return new Object[] {r.x(), r.y(), estimator, r.mi(), orNull(r.stdError()), orNull(r.pValue()), r.n(),
            r.dropped(), q};
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    /** The columns of a call, checked against the DataFrame's schema (no Spark job). */
    private record Table(Dataset<Row> df, List<String> columns, String target) {

        static Table of(Dataset<Row> df, String[] columns, String target) {
            if (df == null) {
                throw new IllegalArgumentException("df must not be null");
            }
            StructType schema = df.schema();
            List<String> known = Arrays.asList(schema.fieldNames());
            if (target != null) {
                check(schema, known, "target", target);
            }
            List<String> chosen = new ArrayList<>();
            if (columns == null || columns.length == 0) {
                for (StructField f : schema.fields()) {
                    if (f.dataType() instanceof NumericType && !f.name().equals(target)) {
                        chosen.add(f.name());
                    }
                }
            } else {
                for (String c : columns) {
                    check(schema, known, "column", c);
                    if (chosen.contains(c)) {
                        throw new IllegalArgumentException("column '" + c + "' is named twice; name each column once");
                    }
                    if (c.equals(target)) {
                        throw new IllegalArgumentException("column '" + c + "' is the target; drop it from the "
                                + "columns");
                    }
                    chosen.add(c);
                }
            }
            if (target == null ? chosen.size() < 2 : chosen.isEmpty()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%s); DataFrame columns: %s",
                        target == null ? "MI pairs need at least two columns" : "no column to rank against the target",
                        String.join(", ", chosen), String.join(", ", known)));
            }
            return new Table(df, List.copyOf(chosen), target);
        }

        private static void check(StructType schema, List<String> known, String what, String name) {
            if (name == null || !known.contains(name)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown %s '%s'; DataFrame columns: %s",
                        what, name, String.join(", ", known)));
            }
            if (ColumnKind.of(schema.apply(name).dataType()) == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s '%s' has type %s; use numeric, "
                        + "string or boolean columns (cast or encode it first)", what, name,
                        schema.apply(name).dataType().simpleString()));
            }
        }

        /** The columns read: the chosen ones, then the target. */
        List<String> names() {
            List<String> out = new ArrayList<>(columns);
            if (target != null) {
                out.add(target);
            }
            return out;
        }

        ColumnKind kind(String name) {
            return ColumnKind.of(df.schema().apply(name).dataType());
        }
    }
}
