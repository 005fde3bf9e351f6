package io.mist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MutualInformationMatrix} in {@code local[2]} on a 20-column table with known structure (n = 400):
 * eight independent columns {@code i1..i8}; two blocks {@code a1..a3} and {@code b1..b3} whose members share a
 * latent variable ({@code a_j = z_a + e_j}); a Gaussian chain
 * {@code c1 -> c2 -> c3 -> c4} ({@code c_{k+1} = c_k + 0.5 e}); a nonlinear pair {@code v = u^2 + 0.05 e} with u
 * uniform on [-1, 1] (uncorrelated, strongly dependent). Every pair not in {@link #DEPENDENT} is independent.
 */
class MutualInformationMatrixTest {
    private static final int N = 400;
    private static final String[] NAMES = {"i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "a1", "a2", "a3", "b1",
        "b2", "b3", "c1", "c2", "c3", "c4", "u", "v"};
    /**
     * The dependent pairs: within a block, a_j = z + e_j with unit variances give correlation 1/2, I = 0.5
     * log(4/3) = 0.14 nats; along the chain I(c1;c2) = 0.80, I(c1;c4) = 0.5 log(1 + 1/0.75) = 0.42; u, v: large.
     */
    private static final Set<String> DEPENDENT = Set.of("a1,a2", "a1,a3", "a2,a3", "b1,b2", "b1,b3", "b2,b3",
            "c1,c2", "c1,c3", "c1,c4", "c2,c3", "c2,c4", "c3,c4", "u,v");

    static SparkSession spark;
    static Dataset<Row> table;
    static Map<String, double[]> columns = new LinkedHashMap<>();
    static final AtomicInteger JOBS = new AtomicInteger();

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("MutualInformationMatrixTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                JOBS.incrementAndGet();
            }
        });
        Random r = new Random(2026);
        for (String c : NAMES) {
            columns.put(c, new double[N]);
        }
        for (int i = 0; i < N; i++) {
            Map<String, Double> row = new HashMap<>();
            for (int j = 1; j <= 8; j++) {
                row.put("i" + j, r.nextGaussian());
            }
            double za = r.nextGaussian();
            double zb = r.nextGaussian();
            for (int j = 1; j <= 3; j++) {
                row.put("a" + j, za + r.nextGaussian());
                row.put("b" + j, zb + r.nextGaussian());
            }
            double c = r.nextGaussian();
            for (int j = 1; j <= 4; j++) {
                row.put("c" + j, c);
                c += 0.5 * r.nextGaussian();
            }
            double u = 2 * r.nextDouble() - 1;
            row.put("u", u);
            row.put("v", u * u + 0.05 * r.nextGaussian());
            for (String name : NAMES) {
                columns.get(name)[i] = row.get(name);
            }
        }
        table = frame(columns, 3);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A DataFrame of double columns (NaN written as null) in {@code partitions} partitions. */
    static Dataset<Row> frame(Map<String, double[]> cols, int partitions) {
        List<String> names = new ArrayList<>(cols.keySet());
        StructType schema = new StructType(names.stream()
                .map(n -> DataTypes.createStructField(n, DataTypes.DoubleType, true)).toArray(StructField[]::new));
        int n = cols.values().iterator().next().length;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] v = new Object[names.size()];
            for (int j = 0; j < v.length; j++) {
                double d = cols.get(names.get(j))[i];
                v[j] = Double.isNaN(d) ? null : d;
            }
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    /**
     * The single-machine library on the rows of a pair where both are present, in the canonical order the
     * matrix documents (by x, then y), with the pair's seed.
     */
    static MIEstimate library(EstimateMI.Request request, double[] x, double[] y) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                rows.add(new double[] {x[i], y[i]});
            }
        }
        rows.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
        return request.estimate(rows.stream().mapToDouble(r -> r[0]).toArray(),
                rows.stream().mapToDouble(r -> r[1]).toArray());
    }

    static String key(Row r) {
        return r.getString(0) + "," + r.getString(1);
    }

    @Test
    void everyEntryEqualsTheSingleMachineLibraryAndShowsTheStructure() {
        List<Row> rows = MutualInformationMatrix.with("ksg").seed(5).allPairs(table).collectAsList();
        assertEquals(190, rows.size(), "every pair of the 20 numeric columns");
        int k = 0;
        for (int a = 0; a < NAMES.length; a++) {
            for (int b = a + 1; b < NAMES.length; b++) {
                Row r = rows.get(k++);
                assertEquals(NAMES[a] + "," + NAMES[b], key(r), "pairs in column order");
                EstimateMI.Request req = EstimateMI.with("ksg").option("threads", 1)
                        .seed(MutualInformationMatrix.pairSeed(5, NAMES[a], NAMES[b]));
                MIEstimate expected = library(req, columns.get(NAMES[a]), columns.get(NAMES[b]));
                assertEquals(expected.value(), r.getDouble(3), 0.0, key(r));
                assertEquals("ksg", r.getString(2));
                assertEquals(N, r.getLong(6));
                assertEquals(0, r.getLong(7));
                assertTrue(r.isNullAt(5) && r.isNullAt(8), "no p-value or q-value without permutations");
                // KSG's spread under independence at n = 400 is about 0.04 nats: 0.15 is over 3.5 of them for
                // the 177 zeros; the weakest dependence, a block pair, is 0.14 nats with a bias of about -0.01,
                // so its estimates exceed 0.05 (2 spreads below)
                double mi = r.getDouble(3);
                assertTrue(DEPENDENT.contains(key(r)) ? mi > 0.05 : Math.abs(mi) < 0.15, key(r) + " " + mi);
            }
        }
    }

    /**
     * The Gaussian estimator's analytic p-values (no permutations needed) over the 190 pairs with their
     * Benjamini-Hochberg q-values. The linear dependencies (blocks, chain; the nonlinear u, v is invisible to a
     * Gaussian fit) are found: the weakest, r = 1/2 at n = 400, has a likelihood-ratio statistic near
     * 2 n I = 115 against chi^2_1, so p is far below the 0.05 * 12 / 190 = 0.003 that BH needs. The 177 known
     * zeros are non-significant at FDR 0.05 up to the false discoveries FDR control allows: each null passes
     * the step-up threshold (about 0.05 * 13 / 190) with probability 0.0034, 0.6 expected; more than 3 would
     * happen with probability 0.003 (Poisson), and a broken p-value or adjustment gives dozens.
     */
    @Test
    void knownZerosAreNotSignificantAfterTheFdrAdjustment() {
        List<Row> rows = MutualInformationMatrix.with("gaussian").allPairs(table).collectAsList();
        int falseDiscoveries = 0;
        for (Row r : rows) {
            double q = r.getDouble(8);
            assertTrue(q >= r.getDouble(5), key(r));
            if (DEPENDENT.contains(key(r)) && !key(r).equals("u,v")) {
                assertTrue(q < 0.001, key(r) + " q = " + q);
            } else if (q <= 0.05) {
                falseDiscoveries++;
            }
        }
        assertTrue(falseDiscoveries <= 3, falseDiscoveries + " independent pairs with q <= 0.05");
    }

    /**
     * Features ranked against c2 with KSG and 99 permutations (smallest p 1/100): its chain neighbours c1, c3
     * and c4 come first, none reached by a permuted value, so q is at most 0.01 * 19 / 3 = 0.063: found at FDR
     * 0.1. The 16 known zeros: their p-values are uniform, so their mean is 0.5 with a spread of 0.07 (0.3 to
     * 0.7 is 2.8 spreads), and at FDR 0.1 each passes the step-up threshold (about 0.1 * 4 / 19 = 0.021) with
     * probability about 0.02; more than 2 of 16 would happen with probability 0.004.
     */
    @Test
    void rankFeaturesOrdersByMiWithPermutationPValuesAndFdr() {
        List<Row> rows = MutualInformationMatrix.with("ksg").permutations(99).seed(3).rankFeatures(table, "c2")
                .collectAsList();
        assertEquals(19, rows.size());
        assertEquals(Set.of("c1", "c3", "c4"), Set.of(rows.get(0).getString(0), rows.get(1).getString(0),
                rows.get(2).getString(0)));
        int falseDiscoveries = 0;
        double nullMean = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals("c2", r.getString(1));
            assertEquals(i + 1, r.getInt(9), "rank");
            if (i > 0) {
                assertTrue(rows.get(i - 1).getDouble(3) >= r.getDouble(3), "ordered by MI");
            }
            double q = r.getDouble(8);
            if (i < 3) {
                assertEquals(0.01, r.getDouble(5), 0.0, r.getString(0));
                assertTrue(q <= 0.01 * 19 / 3 + 1e-12, r.getString(0) + " q = " + q);
            } else {
                nullMean += r.getDouble(5) / 16;
                falseDiscoveries += q <= 0.1 ? 1 : 0;
            }
        }
        assertTrue(falseDiscoveries <= 2, falseDiscoveries + " known zeros with q <= 0.1 in " + rows);
        assertTrue(nullMean > 0.3 && nullMean < 0.7, "mean p of the known zeros " + nullMean);
        // the p-value is the library's permutation test on the same rows and seed (two pairs: the permutation
        // tests are the slow part)
        for (int i : new int[] {0, 10}) {
            String f = rows.get(i).getString(0);
            EstimateMI.Request req = EstimateMI.with("ksg").option("threads", 1).permutations(99)
                    .seed(MutualInformationMatrix.pairSeed(3, f, "c2"));
            assertEquals(library(req, columns.get(f), columns.get("c2")).pValue(), rows.get(i).getDouble(5), f);
        }
        // the static form: defaults, no permutations
        List<Row> plain = MutualInformationMatrix.rankFeatures(table, "c2", "ksg").collectAsList();
        assertEquals(Set.of("c1", "c3", "c4"), Set.of(plain.get(0).getString(0), plain.get(1).getString(0),
                plain.get(2).getString(0)));
        assertTrue(plain.get(0).isNullAt(5) && plain.get(0).isNullAt(8));
    }

    /** Same seed, same matrix: one partition, seven, and the rows shuffled give identical rows. */
    @Test
    void theMatrixDoesNotDependOnThePartitioning() {
        MutualInformationMatrix m = MutualInformationMatrix.with("ksg").permutations(4).seed(11);
        String[] cols = {"i1", "a1", "a2", "c1", "c2", "u", "v"};
        List<Row> one = m.allPairs(table.repartition(1), cols).collectAsList();
        List<Row> seven = m.allPairs(table.repartition(7), cols).collectAsList();
        List<Row> shuffled = m.allPairs(table.orderBy(functions.rand(9)).repartition(2), cols).collectAsList();
        assertEquals(one, seven);
        assertEquals(one, shuffled);
        List<Row> otherSeed = m.seed(12).allPairs(table.repartition(1), cols).collectAsList();
        assertTrue(!one.equals(otherSeed), "the seed reaches the estimates (KSG's noise, the permutations)");
    }

    /**
     * Nulls in either column drop the row for that pair only: x has 40 nulls, y 30 (10 rows shared), z none;
     * (x, y) drops 60, (x, z) 40, (y, z) 30, and each entry is the library on the rows left.
     */
    @Test
    void rowsWithANullAreDroppedPerPairAndCounted() {
        Random r = new Random(8);
        int n = 300;
        Map<String, double[]> cols = new LinkedHashMap<>();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = x[i] + r.nextGaussian();
            z[i] = r.nextGaussian();
            if (i < 40) {
                x[i] = Double.NaN;
            }
            if (i >= 30 && i < 60) {
                y[i] = Double.NaN;
            }
        }
        cols.put("x", x);
        cols.put("y", y);
        cols.put("z", z);
        List<Row> rows = MutualInformationMatrix.with("ksg").allPairs(frame(cols, 2)
                .withColumnRenamed("z", "z.1"), "x", "y", "z.1").collectAsList(); // a dot is part of a name
        Map<String, Long> dropped = Map.of("x,y", 60L, "x,z.1", 40L, "y,z.1", 30L);
        for (Row row : rows) {
            assertEquals(dropped.get(key(row)), row.getLong(7), key(row));
            assertEquals(n - dropped.get(key(row)), row.getLong(6), key(row));
            EstimateMI.Request req = EstimateMI.with("ksg").option("threads", 1)
                    .seed(MutualInformationMatrix.pairSeed(MutualInformationMatrix.DEFAULT_SEED, row.getString(0),
                            row.getString(1)));
            assertEquals(library(req, cols.get(row.getString(0).replace(".1", "")),
                    cols.get(row.getString(1).replace(".1", ""))).value(),
                    row.getDouble(3), 0.0, key(row));
        }
    }

    /** A string column is categorical: its labels are coded 0, 1, ... in sorted order; nulls are dropped. */
    @Test
    void categoricalColumnsAreCodedBySortedLabel() {
        StructType schema = new StructType().add("label", DataTypes.StringType, true)
                .add("x", DataTypes.DoubleType, false);
        Random r = new Random(4);
        String[] names = {"cat", "ant", "bee"};
        List<Row> rows = new ArrayList<>();
        double[] codes = new double[240];
        double[] xs = new double[240];
        for (int i = 0; i < 240; i++) {
            int c = i % 3;
            xs[i] = c + 0.5 * r.nextGaussian();
            codes[i] = i % 40 == 0 ? Double.NaN : new double[] {2, 0, 1}[c]; // sorted: ant 0, bee 1, cat 2
            rows.add(RowFactory.create(i % 40 == 0 ? null : names[c], xs[i]));
        }
        Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(2);
        Row row = MutualInformationMatrix.with("ksg-mixed").againstTarget(df, "label", "x").first();
        EstimateMI.Request req = EstimateMI.with("ksg-mixed").option("threads", 1)
                .seed(MutualInformationMatrix.pairSeed(MutualInformationMatrix.DEFAULT_SEED, "x", "label"));
        MIEstimate expected = library(req, xs, codes);
        assertEquals(expected.value(), row.getDouble(3), 0.0);
        assertEquals(6, row.getLong(7));
        // three well-separated classes: MI close to log 3 = 1.10 (overlap of neighbours at 0.5 sd costs some)
        assertTrue(row.getDouble(3) > 0.6, "" + row.getDouble(3));
    }

    /**
     * The shard strategy's bias at the shard size, where it is known in closed form: the plug-in MI of a 5 x 5
     * equal-frequency histogram (no Miller-Madow correction) on independent data is G / (2 n) with the G
     * statistic about chi^2 with 16 degrees of freedom, so its mean is 16 / (2 n): 0.0004 nats on all n = 20,000
     * rows, 0.04 on a shard of 200. The 100 shard estimates average to 0.04 (their mean's spread is
     * sqrt(2 * 16) / 400 / 10 = 0.0014; the chi^2 approximation at 8 rows per cell adds about 2%, so 0.006 is
     * over 3 spreads plus that), far from the single-machine estimate; the reported standard error is that
     * spread, not the bias. The deal into shards does not depend on the partitioning.
     */
    @Test
    void shardsCarryTheEstimatorsBiasAtTheShardSize() {
        int n = 20_000;
        Random r = new Random(21);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = r.nextGaussian();
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("x", x);
        cols.put("y", y);
        MutualInformationMatrix hist = MutualInformationMatrix.with("histogram").option("bins", "5")
                .option("quantile", "true").option("miller_madow", "false");
        Row sharded = hist.shardSize(200).allPairs(frame(cols, 3)).first();
        Row whole = hist.allPairs(frame(cols, 3)).first();
        assertEquals(n, sharded.getLong(6));
        assertEquals(16.0 / (2 * 200), sharded.getDouble(3), 0.006, "the bias at the shard size");
        assertEquals(16.0 / (2 * n), whole.getDouble(3), 0.0004, "the bias at n");
        assertTrue(sharded.getDouble(4) > 0.0007 && sharded.getDouble(4) < 0.0028, "spread " + sharded.getDouble(4));
        assertEquals(sharded, hist.shardSize(200).allPairs(frame(cols, 1)).first(), "same deal on one partition");
    }

    /** Bad requests fail with one IllegalArgumentException naming what was typed, and no Spark job runs. */
    @Test
    void badColumnsEstimatorsAndOptionsFailBeforeAnyJob() throws Exception {
        int before = JOBS.get();
        MutualInformationMatrix ksg = MutualInformationMatrix.with("ksg");
        assertMessage(() -> ksg.allPairs(table, "i1", "nope"), "unknown column 'nope'", "i1, i2");
        assertMessage(() -> ksg.againstTarget(table, "missing"), "unknown target 'missing'");
        assertMessage(() -> ksg.allPairs(table, "i1", "i1"), "column 'i1' is named twice");
        assertMessage(() -> ksg.allPairs(table, "i1"), "at least two columns");
        assertMessage(() -> ksg.againstTarget(table, "c2", "c2"), "column 'c2' is the target");
        assertMessage(() -> MutualInformationMatrix.with("ksgg"), "ksgg", "ksg");
        assertMessage(() -> ksg.option("kk", "3"), "kk");
        assertMessage(() -> ksg.option("k", "0"), "k");
        assertMessage(() -> ksg.permutations(-1), "permutations");
        assertMessage(() -> ksg.shardSize(3), "shardSize");
        assertMessage(() -> ksg.permutations(9).shardSize(100).allPairs(table, "i1", "i2"),
                "permutations and shardSize");
        Dataset<Row> dated = table.withColumn("when", functions.current_date());
        assertMessage(() -> ksg.allPairs(dated, "i1", "when"), "column 'when' has type date");
        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertEquals(before, JOBS.get(), "no Spark job started");
    }

    /** A pair the estimator refuses fails the call naming both columns. */
    @Test
    void aRefusedPairNamesItsColumns() {
        Dataset<Row> df = table.withColumn("constant", functions.lit(1.0));
        assertMessage(() -> MutualInformationMatrix.with("gaussian").againstTarget(df, "constant", "i1"),
                "columns 'i1' and 'constant'");
    }

    static void assertMessage(Executable call, String... parts) {
        String m = assertThrows(IllegalArgumentException.class, call::execute).getMessage();
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + p + "' in: " + m);
        }
        assertTrue(!m.contains("\n"), "one line: " + m);
    }

    /** Lets {@link #assertMessage} take lambdas that return values. */
    @FunctionalInterface
    interface Executable {
        Object execute();
    }
}
