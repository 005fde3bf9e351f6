package io.mist.examples;

import io.mist.EstimateMI;
import io.mist.core.MIEstimate;
import io.mist.nd4j.Nd4jSamples;

import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An ND4J pipeline hands its arrays to {@link EstimateMI}: a {@code [n, 2]} float64 feature matrix is drawn
 * and standardised with ND4J operations, and its two columns (views of the matrix, read once by
 * {@link Nd4jSamples}) go to the {@code gaussian} and {@code ksg} estimators. The columns are a bivariate
 * Gaussian with correlation {@code rho}, so the truth is {@code -0.5 log(1 - rho^2)} nats; standardising
 * is invertible and leaves it unchanged.
 *
 * <p>Arguments (all optional): {@code n} (default 2000), {@code rho} (default 0.7), {@code seed} (default 1).
 */
public final class Nd4jPipelineExample {
    private Nd4jPipelineExample() {
    }

    /**
     * The outcome.
     *
     * @param truth exact MI in nats
     * @param gaussian the {@code gaussian} estimate from the ND4J columns
     * @param ksg the {@code ksg} estimate from the ND4J columns
     * @param features the standardised feature matrix, as Java arrays (for comparison)
     */
    public record Result(double truth, MIEstimate gaussian, MIEstimate ksg, double[][] features) {
    }

    /** Runs the example and prints the outcome. */
    public static void main(String[] args) {
        Result r = runExample(args);
        System.out.printf(Locale.ROOT, "truth     %.4f nats%n", r.truth());
        System.out.printf(Locale.ROOT, "gaussian  %.4f nats%n", r.gaussian().value());
        System.out.printf(Locale.ROOT, "ksg       %.4f nats%n", r.ksg().value());
    }

    /** Builds the ND4J arrays, estimates from them, and returns the result. */
    public static Result runExample(String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double rho = args.length > 1 ? Double.parseDouble(args[1]) : 0.7;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;

        Nd4j.getRandom().setSeed(seed);
        INDArray z = Nd4j.randn(DataType.DOUBLE, n, 2);
        INDArray x = z.getColumn(0);
        INDArray y = x.mul(rho).addi(z.getColumn(1).mul(Math.sqrt(1 - rho * rho)));
        INDArray features = Nd4j.hstack(x.reshape(n, 1), y.reshape(n, 1));
        features.subiRowVector(features.mean(0)).diviRowVector(features.std(0));

        INDArray xs = features.get(NDArrayIndex.all(), NDArrayIndex.point(0));
        INDArray ys = features.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2));
        MIEstimate gaussian = EstimateMI.estimate(Nd4jSamples.of("x", xs), Nd4jSamples.of("y", ys), "gaussian");
        MIEstimate ksg = EstimateMI.estimate(Nd4jSamples.of("x", xs), Nd4jSamples.of("y", ys), "ksg");
        return new Result(-0.5 * Math.log(1 - rho * rho), gaussian, ksg, features.toDoubleMatrix());
    }
}
