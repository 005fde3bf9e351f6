package io.mist.estimators.discriminative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.tasks.GaussianTask;
import io.mist.tasks.TaskSample;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TUBA with a non-default baseline, and a non-default activation and initialisation, still trains to the
 * truth on the 5-D + 5-D Gaussian (1.116 nats) within the tolerance of {@link NeuralContractTest} (0.15 nats),
 * set through the registry options (one fit, {@code folds=1}, as the contract tests).
 */
@Tag("slow")
class BaselineTrainingTest {
    @ParameterizedTest
    @CsvSource({"tuba, baseline, learnable", "tuba, baseline, lme", "nwj, activation, tanh", "nwj, init, xavier_uniform"})
    void trainsToTheTruth(String name, String option, String value) {
        GaussianTask task = GaussianTask.componentwise(5, 0.6);
        TaskSample s = task.sample(10_000, 20261123L);
        MIEstimate r = EstimateMI.with(name).option(option, value).option("max_iterations", 2000)
                .option("folds", 1).option("device", "cpu").seed(1).estimate(s.x(), s.y());
        assertEquals(task.trueMutualInformation(), r.value(), 0.15, name + " " + option + "=" + value);
    }
}
