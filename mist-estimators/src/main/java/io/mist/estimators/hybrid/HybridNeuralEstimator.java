package io.mist.estimators.hybrid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.estimators.discriminative.DiscriminativeNeuralEstimator;
import io.mist.estimators.generative.GenerativeNeuralEstimator;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The trainable hybrid estimator {@code hybrid-resampled} (Federici, Ruhe and Forré 2023, "On the effectiveness of
 * hybrid mutual information estimation"): with a generative proposal {@code q(y|x)},
 * <pre>
 *   I(X;Y) = E[log q(y|x) / p(y)] + KL(p(x, y) || p(x) q(y|x))
 * </pre>
 * The first term is the generative part's value ({@code doe}: {@code log q(y|x) - log q(y)}; {@code ba}:
 * {@code H(Y) + log q(y|x)}); the second a discriminative bound whose negatives for {@code x_i} are drawn from
 * {@code q(. | x_i)} instead of the batch's other y's (the critic then only has to learn the proposal's error). Per
 * row the value is the sum of the two parts' values; the loss is the sum of the generative negative
 * log-likelihood and the discriminative loss, trained together through autograd (the draws carry no gradient).
 * Training draws from a seeded stream, each evaluation restarts its own, so repeated evaluations use the same
 * negatives.
 *
 * <p>Not thread-safe; owns both parts until {@link #close()}.
 */
public final class HybridNeuralEstimator implements NeuralEstimator {
    private final GenerativeNeuralEstimator generative;
    private final DiscriminativeNeuralEstimator discriminative;
    private final int negatives;
    private final NDList parameters;
    private final UniformRandomProvider trainRng;
    private final long evalSeed;
    private UniformRandomProvider evalRng;

    private HybridNeuralEstimator(GenerativeNeuralEstimator generative, DiscriminativeNeuralEstimator discriminative,
            int negatives, long seed) {
        this.generative = generative;
        this.discriminative = discriminative;
        this.negatives = negatives;
        this.parameters = new NDList();
        parameters.addAll(generative.parameters());
        parameters.addAll(discriminative.parameters());
        this.trainRng = Seeds.rng(seed, RandomStream.CRITIC_TRAINING);
        this.evalSeed = Seeds.derive(seed, RandomStream.CRITIC_EVALUATION, 0);
        this.evalRng = Seeds.rng(evalSeed);
    }

    /**
     * Both parts for {@code dx}- and {@code dy}-dimensional inputs from {@code seed} (the generative part from it,
     * the discriminative part from a derived seed), in {@code manager}.
     *
     * @param entropyY ba's {@code H(Y)} in the units of the y it will see
     */
    public static HybridNeuralEstimator create(HybridConfig c, int dx, int dy, double entropyY, NDManager manager,
            long seed) {
        GenerativeNeuralEstimator g = GenerativeNeuralEstimator.create(c.generative(), dx, dy, entropyY, manager,
                seed);
        DiscriminativeNeuralEstimator d = DiscriminativeNeuralEstimator.create(c.discriminative(), dx, dy, manager,
                Seeds.derive(seed, 1));
        return new HybridNeuralEstimator(g, d, c.negatives(), seed);
    }

    @Override
    public String name() {
        return HybridProvider.NAME;
    }

    /** {@code [M, B, dy]}: {@code M} draws from {@code q(. | x_i)} for each row, seeded from {@code rng}. */
    private NDArray proposals(NDArray x, UniformRandomProvider rng) {
        NDList draws = new NDList(negatives);
        for (int m = 0; m < negatives; m++) {
            draws.add(generative.conditional().sample(x, rng.nextLong()).expandDims(0));
        }
        return draws.size() == 1 ? draws.get(0) : NDArrays.concat(draws, 0);
    }

    @Override
    public NDList trainingStep(NDArray x, NDArray y) {
        NDList g = generative.trainingStep(x, y);
        NDList d = discriminative.trainingStep(x, y, proposals(x, trainRng));
        return new NDList(g.get(0).add(d.get(0)), g.get(1).add(d.get(1)).stopGradient());
    }

    @Override
    public NDArray loss(NDArray x, NDArray y) {
        return trainingStep(x, y).get(0);
    }

    @Override
    public NDArray pointwise(NDArray x, NDArray y) {
        return generative.pointwise(x, y).add(discriminative.pointwise(x, y, proposals(x, evalRng)));
    }

    @Override
    public void beginEvaluation() {
        evalRng = Seeds.rng(evalSeed);
        discriminative.beginEvaluation();
    }

    /** Lower when both parts are lower bounds (ba with a lower discriminative bound), else neither. */
    @Override
    public BoundType boundType() {
        return generative.boundType() == BoundType.LOWER && discriminative.boundType() == BoundType.LOWER
                ? BoundType.LOWER : BoundType.NEITHER;
    }

    @Override
    public NDList parameters() {
        return parameters;
    }

    @Override
    public void close() {
        generative.close();
        discriminative.close();
    }
}
