package io.mist.tasks;

import io.mist.core.internal.Checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task suite of {@code mist bench accuracy}, in the spirit of the Beyond Normal benchmark (Czyz, Grabowski,
 * Vogt, Beerenwinkel, Marx, "Beyond Normal: On the Evaluation of Mutual Information Estimators", NeurIPS 2023):
 * every task computes its exact mutual information, in closed form or (one task) by quadrature with a stated error.
 * <ul>
 *   <li>multivariate normal 1x1, and 2x2, 3x3, 5x5, 25x25 with dense ({@link GaussianTask#dense}) and sparse
 *       ({@link GaussianTask#sparse}) interaction;</li>
 *   <li>Student-t 1x1 with 1, 2 and 5 degrees of freedom, and 2x2 with 2 ({@link StudentTTask});</li>
 *   <li>a 2x2 normal through each MI-preserving {@link Transform} except the rotation (half-cube, asinh, normal
 *       CDF, wiggly, bimodal marginals, spiral);</li>
 *   <li>additive uniform noise of widths 0.1 (2.35 nats) and 0.75 ({@link UniformNoiseTask});</li>
 *   <li>independent 2x2 normal (MI 0), a high-MI 2x2 normal (2.33 nats), a discrete channel over 4 symbols
 *       ({@link DiscreteChannelTask}, for estimators that take discrete data) and a discrete X with a continuous Y
 *       ({@link DiscreteContinuousTask}, MI by quadrature, for estimators that take mixed data).</li>
 * </ul>
 */
public final class AccuracySuite {
    private AccuracySuite() {
    }

    /** Every task of the suite, in the order of the report. */
    public static List<GroundTruthTask> tasks() {
        List<GroundTruthTask> t = new ArrayList<>();
        t.add(GaussianTask.bivariate(0.75));
        for (int dim : new int[] {2, 3, 5, 25}) {
            t.add(GaussianTask.dense(dim, 0.5));
            t.add(GaussianTask.sparse(dim, 2, 0.8));
        }
        for (double nu : new double[] {1, 2, 5}) {
            t.add(StudentTTask.componentwise(1, 0.5, nu));
        }
        t.add(StudentTTask.componentwise(2, 0.5, 2));
        GaussianTask base = GaussianTask.componentwise(2, 0.5);
        for (Transform f : new Transform[] {Transform.HALF_CUBE, Transform.ASINH, Transform.NORMAL_CDF,
            Transform.WIGGLY, Transform.BIMODAL, Transform.SPIRAL}) {
            t.add(TransformedTask.of(base, f));
        }
        t.add(UniformNoiseTask.of(0.1));
        t.add(UniformNoiseTask.of(0.75));
        t.add(IndependentTask.of(2, 2));
        t.add(GaussianTask.componentwise(2, 0.95));
        t.add(DiscreteChannelTask.of(4, 0.7));
        t.add(DiscreteContinuousTask.of(4, 0.5));
        return List.copyOf(t);
    }

    /**
     * The tasks with these names, in the order given.
     *
     * @throws IllegalArgumentException naming an unknown task and listing the known ones
     */
    public static List<GroundTruthTask> select(List<String> names) {
        Checks.notNull("names", names);
        Map<String, GroundTruthTask> byName = new LinkedHashMap<>();
        for (GroundTruthTask t : tasks()) {
            byName.put(t.name(), t);
        }
        List<GroundTruthTask> out = new ArrayList<>();
        for (String name : names) {
            GroundTruthTask t = byName.get(name.trim());
            if (t == null) {
                throw Checks.fail("unknown task '%s'; known tasks: %s", name.trim(), String.join(", ", byName.keySet()));
            }
            out.add(t);
        }
        return List.copyOf(out);
    }
}
