package io.mist.bench;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.estimators.latent.LatentMiModel;
import io.mist.tasks.ProjectedGaussianTask;
import io.mist.tasks.TaskSample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Latent MI ({@code lmi}) on latentmi's seed-notebook task and its noisy variant
 * ({@link ProjectedGaussianTask}), n = 10,000 at the defaults: estimate, error, wall time, epochs, next to the
 * Python reference measured on this 2-core machine (latentmi 0.1.3 on PyTorch 2.13, one thread, its defaults,
 * numbers from issue 16): 0.2796 nats after 268 epochs in 736 s (seed notebook), 0.2505 nats after 56 epochs in
 * 157 s (noisy). With {@code baselines}, also KSG and the Gaussian plug-in on the raw 200 columns.
 * The same model in a plain PyTorch loop, for a same-machine comparison: {@code mist-bench/scripts/lmi_torch_loop.py}.
 * Run: {@code mist-bench/run latent [n] [seed] [notebook|noisy|both] [baselines]}.
 */
public final class LatentBench {
    private LatentBench() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        String which = args.length > 2 ? args[2] : "both";
        boolean baselines = args.length > 3 && args[3].equals("baselines");
        System.out.printf(Locale.ROOT, "%-34s %-9s %8s %8s %8s %8s %7s%n", "task", "estimator", "truth", "value",
                "error", "seconds", "epochs");
        if (!which.equals("noisy")) {
            run(ProjectedGaussianTask.seedNotebook(), n, seed, baselines, 0.2796, 736, 268);
        }
        if (!which.equals("notebook")) {
            run(ProjectedGaussianTask.noisy(), n, seed, baselines, 0.2505, 157, 56);
        }
    }

    private static void run(ProjectedGaussianTask task, int n, long seed, boolean baselines, double pyValue,
            double pySeconds, int pyEpochs) {
        TaskSample s = task.sample(n, seed);
        double truth = task.trueMutualInformation();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        MIEstimate r = EstimateMI.with("lmi").seed(seed).estimate(s.x(), s.y());
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        LatentMiModel m = r.model(LatentMiModel.class).orElseThrow();
        int epochs = r.history().map(h -> h.evaluations().size()).orElse(0);
        row(task.name(), "lmi", truth, r.value(), r.seconds(), Integer.toString(epochs));
        System.out.printf(Locale.ROOT, "%-34s %-9s %8.4f %8.4f %8.4f %8.1f %7d   (latentmi 0.1.3, issue 16)%n", "",
                "python", truth, pyValue, pyValue - truth, pySeconds, pyEpochs);
        if (baselines) {
            // the noise-free task is rank one: its sample covariance is singular, no Gaussian plug-in there
            for (String name : task.noiseSd() > 0 ? new String[] {"ksg", "gaussian"} : new String[] {"ksg"}) {
                MIEstimate b = EstimateMI.with(name).seed(seed).estimate(s.x(), s.y());
                row("", name, truth, b.value(), b.seconds(), "-");
            }
        }
        for (String d : r.diagnostics()) {
            System.out.println("    " + d);
        }
        System.out.printf(Locale.ROOT, "    %d held-out rows, %d encoder parameters; lmi CPU time of the calling "
                + "thread (the engine's one intra-op thread; KSG's pool not counted) %.1f s%n", m.heldOutRows().length,
                m.encoderParameterCount(), cpuSeconds);
    }

    private static void row(String task, String est, double truth, double value, double seconds, String epochs) {
        System.out.printf(Locale.ROOT, "%-34s %-9s %8.4f %8.4f %8.4f %8.1f %7s%n", task, est, truth, value,
                value - truth, seconds, epochs);
    }
}
