package io.mist.estimators.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.ProjectedGaussianTask;
import io.mist.tasks.TaskSample;

import org.junit.jupiter.api.Test;

/**
 * {@code lmi} at its defaults on latentmi's seed-notebook task and its noisy variant ({@link ProjectedGaussianTask}),
 * where it is needed: high-dimensional variables with one-dimensional structure. Values measured on this machine
 * (LatentBench; seeds 1, 2, 3 of the data): noise-free, n = 4,000: errors -0.014, -0.026; noisy, n = 10,000:
 * errors -0.016, -0.021, -0.027 (a consistent bias of about -0.02, the data-processing loss of an encoder of
 * width 25 after 300 epochs at lr 1e-4, with a seed-to-seed spread of 0.005); noisy at n = 4,000 spreads by
 * 0.04 between seeds, too much for the 0.045 requirement, so that test runs at the full size.
 */
class LatentProjectionTest {
    /**
     * Noise-free 100-D projections, truth -1/2 ln(1 - 9/21) = 0.2798, n = 4,000 (2,000 held out): within 0.1
     * nats (the tolerance; measured errors up to 0.026).
     */
    @Test
    void seedNotebookTaskWithinATenthOfANat() {
        ProjectedGaussianTask task = ProjectedGaussianTask.seedNotebook();
        TaskSample s = task.sample(4000, 1);
        MIEstimate r = EstimateMI.with("lmi").seed(1).estimate(s.x(), s.y());
        assertEquals(-0.5 * Math.log(1 - 9.0 / 21), task.trueMutualInformation(), 1e-15);
        assertEquals(task.trueMutualInformation(), r.value(), 0.1, r::toString);
    }

    /**
     * Unit noise on every ambient coordinate (exact MI from the 200 x 200 log-determinants), n = 10,000: LMI
     * within 0.045 nats (measured errors -0.016 to -0.027 over three seeds), and closer than KSG on the raw 200
     * columns (the issue measured 0.213; its k-NN distances in 200 dimensions are dominated by the noise) and
     * than the Gaussian plug-in (0.77: its bias grows like dx dy / 2n). The message records all three.
     */
    @Test
    void noisyTaskBeatsKsgAndThePlugIn() {
        ProjectedGaussianTask task = ProjectedGaussianTask.noisy();
        TaskSample s = task.sample(10_000, 1);
        double truth = task.trueMutualInformation();
        MIEstimate lmi = EstimateMI.with("lmi").seed(1).estimate(s.x(), s.y());
        MIEstimate ksg = EstimateMI.with("ksg").seed(1).estimate(s.x(), s.y());
        MIEstimate gauss = EstimateMI.with("gaussian").estimate(s.x(), s.y());
        String record = String.format(java.util.Locale.ROOT, "truth %.4f: lmi %.4f, ksg %.4f, gaussian %.4f", truth,
                lmi.value(), ksg.value(), gauss.value());
        assertEquals(truth, lmi.value(), 0.045, record);
        double err = Math.abs(lmi.value() - truth);
        assertTrue(err < Math.abs(ksg.value() - truth), record);
        assertTrue(err < Math.abs(gauss.value() - truth), record);
    }
}
