package io.mist.bench;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.GroundTruthTask;
import io.mist.tasks.IndependentTask;
import io.mist.tasks.TaskSample;
import io.mist.tasks.Transform;
import io.mist.tasks.TransformedTask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage of the error bars at defaults: for each task, estimator and seed {@code s = 1..m}, data drawn with
 * seed {@code s} and {@code EstimateMI.with(name).seed(s)} at its defaults; prints every run, then per task
 * and estimator the mean, bias, seed-to-seed SD, root-mean-square reported standard error, and how often
 * {@code value +- 1.96 se} covers the truth, how often it covers the mean over seeds (what a standard
 * error, which measures spread and not bias, can claim) and how often {@code value - 1.645 se} lies below the
 * truth (the one-sided claim of a lower bound).
 *
 * <p>Run: {@code java -cp ... io.mist.bench.CoverageBench [seeds] [n] [parallel fits] [estimators,...]
 * [tasks,...]}, where an estimator may carry options ({@code smile+patience=100+valid_percentage=0.2});
 * defaults 10 seeds, n = 2,000, 2 fits at a time, {@code smile,nwj,infonce,auto}, all tasks
 * ({@code g1}: Gaussian 1+1-D rho 0.6; {@code g2}: 2+2-D; {@code ind}: independent 1+1-D; {@code wig}: wiggly
 * 2+2-D rho 0.7; {@code g5}: 5+5-D).
 */
public final class CoverageBench {
    private static final Pattern SPREADS = Pattern.compile("per-row spread ([0-9.]+), fold spread ([0-9.]+)");
    private static final double Z95 = 1.959964;
    private static final double Z95_ONE_SIDED = 1.644854;

    private CoverageBench() {
    }

    private record Run(String task, String estimator, long seed, double truth, double value, double se,
            double seRows, double seFolds, double seconds) {
    }

    /** Prints the runs and the summary table. */
    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> estimators = List.of((args.length > 3 ? args[3] : "smile,nwj,infonce,auto").split(","));
        Map<String, GroundTruthTask> all = new LinkedHashMap<>();
        all.put("g1", GaussianTask.bivariate(0.6));
        all.put("g2", GaussianTask.componentwise(2, 0.6));
        all.put("ind", IndependentTask.of(1, 1));
        all.put("wig", TransformedTask.of(GaussianTask.componentwise(2, 0.7), Transform.WIGGLY));
        all.put("g5", GaussianTask.componentwise(5, 0.6));
        List<String> tasks = List.of((args.length > 4 ? args[4] : String.join(",", all.keySet())).split(","));
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Run>> futures = new ArrayList<>();
        try {
            for (long s = 1; s <= seeds; s++) {
                for (String t : tasks) {
                    for (String e : estimators) {
                        long seed = s;
                        GroundTruthTask task = all.get(t);
                        futures.add(pool.submit(() -> run(t, task, e, seed, n)));
                    }
                }
            }
            System.out.println("| task | estimator | seed | value | se | se rows | se folds | seconds |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            Map<String, List<Run>> groups = new LinkedHashMap<>();
            for (Future<Run> f : futures) {
                Run r = f.get();
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.4f | %.4f | %.1f |%n", r.task(),
                        r.estimator(), r.seed(), r.value(), r.se(), r.seRows(), r.seFolds(), r.seconds());
                groups.computeIfAbsent(r.task() + " | " + r.estimator(), k -> new ArrayList<>()).add(r);
            }
            System.out.printf(Locale.ROOT, "%nn = %d, %d seeds%n", n, seeds);
            System.out.println("| task | estimator | truth | mean | bias | SD over seeds | RMS se | RMS se rows | "
                    + "RMS se folds | covers truth | covers mean | truth above value - 1.645 se |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            int[] tot = new int[4];
            for (Map.Entry<String, List<Run>> g : groups.entrySet()) {
                List<Run> rs = g.getValue();
                int m = rs.size();
                double mean = rs.stream().mapToDouble(Run::value).average().orElse(Double.NaN);
                double sd = Math.sqrt(rs.stream().mapToDouble(r -> (r.value() - mean) * (r.value() - mean)).sum()
                        / (m - 1));
                double truth = rs.get(0).truth();
                int coversTruth = 0;
                int coversMean = 0;
                int oneSided = 0;
                for (Run r : rs) {
                    coversTruth += Math.abs(r.value() - truth) <= Z95 * r.se() ? 1 : 0;
                    coversMean += Math.abs(r.value() - mean) <= Z95 * r.se() ? 1 : 0;
                    oneSided += r.value() - Z95_ONE_SIDED * r.se() <= truth ? 1 : 0;
                }
                tot[0] += m;
                tot[1] += coversTruth;
                tot[2] += coversMean;
                tot[3] += oneSided;
                System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f | %.4f | %.4f | %.4f | %.4f | %d/%d | %d/%d "
                        + "| %d/%d |%n", g.getKey(), truth, mean, mean - truth, sd, rms(rs, Run::se),
                        rms(rs, Run::seRows), rms(rs, Run::seFolds), coversTruth, m, coversMean, m, oneSided, m);
            }
            System.out.printf(Locale.ROOT, "| all | | | | | | | | | %d/%d | %d/%d | %d/%d |%n", tot[1], tot[0], tot[2],
                    tot[0], tot[3], tot[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Run run(String name, GroundTruthTask task, String estimator, long seed, int n) {
        TaskSample s = task.sample(n, seed);
        String[] spec = estimator.split("\\+");
        EstimateMI.Request call = EstimateMI.with(spec[0]).seed(seed);
        for (int i = 1; i < spec.length; i++) {
            int eq = spec[i].indexOf('=');
            call = call.option(spec[i].substring(0, eq), spec[i].substring(eq + 1));
        }
        MIEstimate r = call.estimate(s.x(), s.y());
        double rows = Double.NaN;
        double folds = Double.NaN;
        for (String d : r.diagnostics()) {
            Matcher m = SPREADS.matcher(d);
            if (m.find()) {
                rows = Double.parseDouble(m.group(1));
                folds = Double.parseDouble(m.group(2));
            }
        }
        return new Run(name, estimator, seed, task.trueMutualInformation(), r.value(), r.standardError(), rows, folds,
                r.seconds());
    }

    private static double rms(List<Run> rs, java.util.function.ToDoubleFunction<Run> f) {
        return Math.sqrt(rs.stream().mapToDouble(f).map(v -> v * v).average().orElse(Double.NaN));
    }
}
