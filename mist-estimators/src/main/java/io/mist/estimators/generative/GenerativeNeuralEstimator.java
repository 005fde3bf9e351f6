package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.BoundType;
import io.mist.core.ConditionalDistribution;
import io.mist.core.Distribution;
import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.Checks;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trainable generative estimator ({@link Generative}): its densities ({@code q(y|x)}, {@code q(y)},
 * {@code q(x)}, {@code q(x, y)}, as the estimator needs) share one flat parameter array and are fitted together
 * by maximum likelihood: the loss is the sum of their mean negative log-likelihoods on the batch, trained by
 * {@code io.mist.train.Trainer} (a hand-written gradient for the default Gaussian densities of ba, doe, club and
 * l1out, autograd otherwise). The checkpoint is the one with the best held-out log-likelihood
 * ({@link #checkpointByScore()}), whichever way the estimator's bound points.
 *
 * <p>Not thread-safe; owns its parameters until {@link #close()}.
 */
public final class GenerativeNeuralEstimator implements NeuralEstimator {
    private final Generative kind;
    private final ConditionalDistribution conditional;
    private final Distribution marginalY;
    private final Distribution marginalX;
    private final Distribution joint;
    private final double entropyY;
    private final FlatParameters flat;
    private final NDList parameters;
    private final GaussianStep fast;

    private GenerativeNeuralEstimator(Generative kind, ConditionalDistribution conditional, Distribution marginalY,
            Distribution marginalX, Distribution joint, double entropyY, FlatParameters flat) {
        this.kind = kind;
        this.conditional = conditional;
        this.marginalY = marginalY;
        this.marginalX = marginalX;
        this.joint = joint;
        this.entropyY = entropyY;
        this.flat = flat;
        this.parameters = new NDList(flat.array());
        this.fast = GaussianStep.of(kind, flat, conditional, marginalY, entropyY);
    }

    /**
     * The densities of {@code c}'s estimator for {@code dx}- and {@code dy}-dimensional inputs, initialised from
     * {@code seed}, in {@code manager}.
     *
     * @param entropyY BA's {@code H(Y)} in the units of the y it will see (ignored by the others)
     */
    public static GenerativeNeuralEstimator create(GenerativeConfig c, int dx, int dy, double entropyY,
            NDManager manager, long seed) {
        Checks.atLeast("dx", dx, 1);
        Checks.atLeast("dy", dy, 1);
        Generative kind = c.kind();
        FlatParameters.Layout layout = new FlatParameters.Layout();
        List<FlatModule> modules = new ArrayList<>();
        FlatModule cond = null;
        FlatModule qy = null;
        FlatModule qx = null;
        FlatModule qxy = null;
        if (kind.conditional()) {
            cond = Densities.conditional(layout, c.transform(), dy, dx, c.nTransforms(), c.nComponents(),
                    c.hiddenSizes(dy), c.activation(), c.init());
            modules.add(cond);
        }
        if (kind == Generative.GM) {
            qxy = Densities.marginal(layout, c.jointTransform(), dx + dy, c.nJointTransforms(), c.nComponents(),
                    c.hiddenSizes(dx + dy), c.activation(), c.init());
            modules.add(qxy);
            qx = Densities.marginal(layout, c.marginalTransform(), dx, c.nMarginalTransforms(), c.nComponents(),
                    c.hiddenSizes(dx), c.activation(), c.init());
            modules.add(qx);
        }
        if (kind.marginalY()) {
            qy = Densities.marginal(layout, c.marginalTransform(), dy, c.nMarginalTransforms(), c.nComponents(),
                    c.hiddenSizes(dy), c.activation(), c.init());
            modules.add(qy);
        }
        FlatParameters flat = Densities.bind(layout, modules, manager, seed);
        return new GenerativeNeuralEstimator(kind, (ConditionalDistribution) cond, (Distribution) qy,
                (Distribution) qx, (Distribution) qxy, entropyY, flat);
    }

    /** The estimator. */
    public Generative kind() {
        return kind;
    }

    /** {@code q(y | x)}, or null (gm). */
    public ConditionalDistribution conditional() {
        return conditional;
    }

    /** {@code q(y)}, or null (ba, club, l1out). */
    public Distribution marginalY() {
        return marginalY;
    }

    @Override
    public String name() {
        return kind.id();
    }

    @Override
    public BoundType boundType() {
        return kind.boundType();
    }

    @Override
    public NDList parameters() {
        return parameters;
    }

    /** Per-row log-likelihoods {@code [B]} of the fitted densities: their sum is the negated loss. */
    private NDArray[] logLikelihoods(NDArray x, NDArray y) {
        if (kind == Generative.GM) {
            return new NDArray[] {joint.logProb(x.concat(y, 1)), marginalX.logProb(x), marginalY.logProb(y)};
        }
        NDArray c = conditional.logProb(x, y);
        return marginalY == null ? new NDArray[] {c} : new NDArray[] {c, marginalY.logProb(y)};
    }

    private static NDArray sum(NDArray[] terms) {
        NDArray s = terms[0];
        for (int i = 1; i < terms.length; i++) {
            s = s.add(terms[i]);
        }
        return s;
    }

    @Override
    public NDArray loss(NDArray x, NDArray y) {
        return sum(logLikelihoods(x, y)).mean().neg();
    }

    @Override
    public NDList trainingStep(NDArray x, NDArray y) {
        NDArray[] ll = logLikelihoods(x, y);
        NDArray loss = sum(ll).mean().neg();
        NDArray estimate;
        switch (kind) {
            case DOE:
                estimate = ll[0].sub(ll[1]).mean();
                break;
            case GM:
                estimate = ll[0].sub(ll[1]).sub(ll[2]).mean();
                break;
            case BA:
                estimate = ll[0].mean().add((float) entropyY);
                break;
            default:
                estimate = contrastive(x, y, ll[0]).mean();
                break;
        }
        return new NDList(loss, estimate.stopGradient());
    }

    /**
     * The hand-written step of the default densities (see {@code GaussianStep}); empty (autograd) for flows with
     * more steps, autoregressive or mixture densities, and GM.
     */
    @Override
    public Optional<ExplicitStep> explicitStep(NDArray x, NDArray y) {
        return fast == null ? Optional.empty() : Optional.of(fast.step(x, y));
    }

    @Override
    public NDArray pointwise(NDArray x, NDArray y) {
        NDArray[] ll = logLikelihoods(x, y);
        switch (kind) {
            case DOE:
                return ll[0].sub(ll[1]);
            case GM:
                return ll[0].sub(ll[1]).sub(ll[2]);
            case BA:
                return ll[0].add((float) entropyY);
            default:
                return contrastive(x, y, ll[0]);
        }
    }

    /** CLUB's and L1OUT's per-row values from the batch's pair log-densities; {@code positive} = diagonal. */
    private NDArray contrastive(NDArray x, NDArray y, NDArray positive) {
        int b = Math.toIntExact(x.getShape().get(0));
        if (b < 2) {
            throw Checks.fail("%s needs batches of at least 2 pairs (the other rows are its negatives), got %d",
                    kind.id(), b);
        }
        NDArray pairs = pairLogProb(x, y); // (i, j) = log q(y_j | x_i)
        if (kind == Generative.CLUB) {
            return positive.sub(pairs.mean(new int[] {1}));
        }
        // column i without its diagonal: log (1/(B-1)) sum_{j != i} q(y_i | x_j)
        float[] mask = new float[b * b];
        for (int i = 0; i < b; i++) {
            mask[i * b + i] = Float.NEGATIVE_INFINITY;
        }
        NDArray masked = pairs.add(x.getManager().create(mask, new Shape(b, b)));
        NDArray max = masked.max(new int[] {0}, true).stopGradient();
        NDArray lse = masked.sub(max).exp().sum(new int[] {0}).log().add(max.squeeze(0));
        return positive.sub(lse.sub(Math.log(b - 1)));
    }

    /** {@code [B, B]} with entry {@code (i, j) = log q(y_j | x_i)}: every y of the batch under every x. */
    NDArray pairLogProb(NDArray x, NDArray y) {
        if (conditional instanceof Flow && ((Flow) conditional).steps().size() == 1
                && ((Flow) conditional).steps().get(0) instanceof ConditionalAffine) {
            // one network pass per x, every y against it by broadcasting
            NDArray[] ts = ((ConditionalAffine) ((Flow) conditional).steps().get(0)).shiftAndLogScale(x);
            NDArray u = y.expandDims(0).sub(ts[0].expandDims(1)).mul(ts[1].neg().exp().expandDims(1));
            long d = y.getShape().get(1);
            return u.square().mul(-0.5f).sum(new int[] {2}).sub(ts[1].sum(new int[] {1}).expandDims(1))
                    .sub((float) (d * StandardNormal.HALF_LOG_TWO_PI));
        }
        long b = x.getShape().get(0);
        long dx = x.getShape().get(1);
        long dy = y.getShape().get(1);
        NDArray xr = x.expandDims(1).broadcast(b, b, dx).reshape(b * b, dx);
        NDArray yr = y.expandDims(0).broadcast(b, b, dy).reshape(b * b, dy);
        return conditional.logProb(xr, yr).reshape(b, b);
    }

    @Override
    public boolean checkpointByScore() {
        return true;
    }

    /** The summed log-likelihood of the fitted densities per row: larger is a better fit. */
    @Override
    public NDArray checkpointScore(NDArray x, NDArray y) {
        return sum(logLikelihoods(x, y));
    }

    @Override
    public void close() {
        flat.close();
    }
}
