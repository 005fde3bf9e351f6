package io.mist.estimators.latent;

import io.mist.core.BoundType;
import io.mist.core.ExplicitStep;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The paired autoencoders of latent MI as a {@link NeuralEstimator} that {@code io.mist.train.Trainer} trains:
 * encoders {@code E_x: dx -> h_x -> n_dims} and {@code E_y}, decoders {@code D_xx: n_dims -> h_x -> dx} and
 * {@code D_yy}, and the {@link Regularizer}'s part (cross decoders {@code D_xy: z_x -> y}, {@code D_yx: z_y -> x},
 * or a critic on {@code [z_x, z_y]}); leaky ReLU between layers, Glorot-uniform weights; all parameters in one
 * {@link FlatParameters} array. The loss is
 * {@code alpha (MSE(D_xx(z_x), x) + MSE(D_yy(z_y), y)) + lam R}, each MSE a mean over rows and columns.
 *
 * <p>What the trainer calls an estimate is this loss: {@link #pointwise} gives each row's share (its mean over
 * the rows of a batch is the batch loss; a critic term, defined per batch only, is added to every row), and
 * {@link #boundType()} is {@link BoundType#UPPER} so that the trainer's early stopping <i>minimises</i> the
 * held-out loss. The value is no bound on MI; the MI comes from KSG on the latents afterwards.
 *
 * <p>With {@link Regularizer#AE_CROSS} a step computes its gradients by hand ({@link #explicitStep}): one
 * forward on fixed views, the MSE gradients, and {@link Mlp#backward} through the six networks, with no autograd
 * graph. The critic regularisers take the autograd path of {@link #trainingStep}.
 *
 * <p>Not thread-safe; owns its parameters until {@link #close()}.
 */
final class PairedAutoencoder implements NeuralEstimator {
    /** The nonlinearity between layers (latentmi uses leaky ReLU). */
    static final Nonlinearity ACTIVATION = Nonlinearity.LEAKY_RELU;

    private final Regularizer regularizer;
    private final float alpha;
    private final float lam;
    private final Mlp encX;
    private final Mlp encY;
    private final Mlp decXX;
    private final Mlp decYY;
    private final Mlp decXY;
    private final Mlp decYX;
    private final Mlp critic;
    private final FlatParameters flat;
    private final NDList parameters;
    private final UniformRandomProvider trainRng;
    private final long evalSeed;
    private UniformRandomProvider evalRng;

    private PairedAutoencoder(LatentConfig c, int dx, int dy, NDManager manager, long seed) {
        this.regularizer = c.regularizer();
        this.alpha = (float) c.alpha();
        this.lam = (float) c.lam();
        int n = c.nDims();
        int hx = c.hiddenWidth(dx);
        int hy = c.hiddenWidth(dy);
        Init init = Init.XAVIER_UNIFORM;
        FlatParameters.Layout layout = new FlatParameters.Layout();
        List<FlatModule> modules = new ArrayList<>();
        encX = add(modules, new Mlp(layout, dx, new int[] {hx}, n, ACTIVATION, init));
        encY = add(modules, new Mlp(layout, dy, new int[] {hy}, n, ACTIVATION, init));
        decXX = add(modules, new Mlp(layout, n, new int[] {hx}, dx, ACTIVATION, init));
        decYY = add(modules, new Mlp(layout, n, new int[] {hy}, dy, ACTIVATION, init));
        boolean cross = regularizer == Regularizer.AE_CROSS;
        decXY = cross ? add(modules, new Mlp(layout, n, new int[] {hy}, dy, ACTIVATION, init)) : null;
        decYX = cross ? add(modules, new Mlp(layout, n, new int[] {hx}, dx, ACTIVATION, init)) : null;
        critic = cross ? null : add(modules, new Mlp(layout, 2 * n, new int[] {n}, 1, Nonlinearity.RELU, init));
        float[] values = new float[layout.size()];
        UniformRandomProvider rng = Seeds.rng(seed, RandomStream.CRITIC_INIT);
        for (FlatModule m : modules) {
            m.initialize(layout, values, rng);
        }
        this.flat = new FlatParameters(layout, values, manager);
        this.parameters = new NDList(flat.array());
        this.trainRng = Seeds.rng(seed, RandomStream.CRITIC_TRAINING);
        this.evalSeed = Seeds.derive(seed, RandomStream.CRITIC_EVALUATION, 0);
        this.evalRng = Seeds.rng(evalSeed);
    }

    private static Mlp add(List<FlatModule> modules, Mlp m) {
        modules.add(m);
        return m;
    }

    /** Paired autoencoders for {@code dx}- and {@code dy}-column inputs, initialised from {@code seed}. */
    static PairedAutoencoder create(LatentConfig c, int dx, int dy, NDManager manager, long seed) {
        return new PairedAutoencoder(c, dx, dy, manager, seed);
    }

    @Override
    public String name() {
        return LatentEstimator.NAME;
    }

    @Override
    public BoundType boundType() {
        return BoundType.UPPER;
    }

    @Override
    public NDList parameters() {
        return parameters;
    }

    /** The trained encoders as JVM arrays (weights {@code [out, in]} row-major and biases per layer). */
    LatentEncoder[] encoders() {
        float[] all = flat.array().toFloatArray();
        return new LatentEncoder[] {encoder(encX, all), encoder(encY, all)};
    }

    private LatentEncoder encoder(Mlp m, float[] all) {
        int layers = m.layers();
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        int[] in = new int[layers];
        for (int l = 0; l < layers; l++) {
            int ow = flat.offset(m.weight(l));
            int ob = flat.offset(m.bias(l));
            int out = (int) flat.shape(m.bias(l)).get(0);
            in[l] = (int) flat.shape(m.weight(l)).get(1);
            w[l] = java.util.Arrays.copyOfRange(all, ow, ow + out * in[l]);
            b[l] = java.util.Arrays.copyOfRange(all, ob, ob + out);
        }
        return new LatentEncoder(w, b, in, LatentEncoder.LEAKY_SLOPE);
    }

    /** One forward pass: the traces of every network, parameters from {@code views}. */
    private record Pass(Mlp.Trace ex, Mlp.Trace ey, Mlp.Trace rx, Mlp.Trace ry, Mlp.Trace cy, Mlp.Trace cx) {
    }

    private Pass forward(NDArray x, NDArray y, IntFunction<NDArray> views) {
        Mlp.Trace ex = encX.trace(views, 0, x);
        Mlp.Trace ey = encY.trace(views, 0, y);
        NDArray zx = ex.output();
        NDArray zy = ey.output();
        Mlp.Trace rx = decXX.trace(views, 0, zx);
        Mlp.Trace ry = decYY.trace(views, 0, zy);
        Mlp.Trace cy = decXY == null ? null : decXY.trace(views, 0, zx);
        Mlp.Trace cx = decYX == null ? null : decYX.trace(views, 0, zy);
        return new Pass(ex, ey, rx, ry, cy, cx);
    }

    /** Per-row mean squared error {@code [B]}. */
    private static NDArray rowMse(NDArray out, NDArray target) {
        return out.sub(target).square().mean(new int[] {1});
    }

    /** Per-row loss {@code [B]}; its mean is the batch loss. */
    private NDArray rowLoss(Pass p, NDArray x, NDArray y, IntFunction<NDArray> views, UniformRandomProvider rng) {
        NDArray self = rowMse(p.rx().output(), x).add(rowMse(p.ry().output(), y)).mul(alpha);
        if (regularizer == Regularizer.AE_CROSS) {
            return self.add(rowMse(p.cx().output(), x).add(rowMse(p.cy().output(), y)).mul(lam));
        }
        return self.add(criticTerm(p.ex().output(), p.ey().output(), views, rng).mul(lam));
    }

    /** The critic regulariser (a scalar): minus the MINE or InfoNCE bound on the latent pair. */
    private NDArray criticTerm(NDArray zx, NDArray zy, IntFunction<NDArray> views, UniformRandomProvider rng) {
        int b = (int) zx.getShape().get(0);
        NDManager m = zx.getManager();
        if (regularizer == Regularizer.AE_MINE) {
            long[] idx = new long[b];
            for (int i = 0; i < b; i++) {
                idx[i] = rng.nextInt(b);
            }
            NDArray shuffled = zy.get(new NDIndex("{}", m.create(idx)));
            NDArray t0 = score(zx.concat(zy, 1), views);
            NDArray t1 = score(zx.concat(shuffled, 1), views);
            return t0.mean().sub(logSumExp(t1.reshape(-1), 0).sub((float) Math.log(b))).neg();
        }
        // F(z_x_j, z_y_i) at [i, j]: y along axis 0, x along axis 1, over all B x B pairs
        long n = zx.getShape().get(1);
        NDArray xs = zx.expandDims(0).broadcast(b, b, n);
        NDArray ys = zy.expandDims(1).broadcast(b, b, n);
        NDArray all = Activation.softPlus(score(xs.concat(ys, 2).reshape(-1, 2 * n), views)).reshape(b, b);
        NDArray pos = all.diagonal();
        return pos.mean().sub(logSumExp(all, 1).mean()).add((float) Math.log(b)).neg();
    }

    private NDArray score(NDArray pairs, IntFunction<NDArray> views) {
        return critic.trace(views, 0, pairs).output().reshape(-1);
    }

    private static NDArray logSumExp(NDArray a, int axis) {
        NDArray mx = a.max(new int[] {axis}, true).stopGradient();
        return a.sub(mx).exp().sum(new int[] {axis}).log().add(mx.squeeze(axis));
    }

    @Override
    public NDArray loss(NDArray x, NDArray y) {
        return trainingStep(x, y).get(0);
    }

    @Override
    public NDList trainingStep(NDArray x, NDArray y) {
        NDManager m = x.getManager();
        IntFunction<NDArray> views = id -> flat.view(id, m);
        NDArray loss = rowLoss(forward(x, y, views), x, y, views, trainRng).mean();
        return new NDList(loss, loss.stopGradient());
    }

    @Override
    public NDArray pointwise(NDArray x, NDArray y) {
        IntFunction<NDArray> views = flat::fixedView;
        return rowLoss(forward(x, y, views), x, y, views, evalRng);
    }

    @Override
    public void beginEvaluation() {
        evalRng = Seeds.rng(evalSeed);
    }

    /**
     * The cross-reconstruction step with hand-written gradients: for {@code L = w MSE(o, t)} over a
     * {@code [B, d]} output, {@code dL/do = 2 w (o - t) / (B d)}; the two decoders fed by each latent add their
     * input gradients, which go back through its encoder. Empty for the critic regularisers.
     */
    @Override
    public Optional<ExplicitStep> explicitStep(NDArray x, NDArray y) {
        if (regularizer != Regularizer.AE_CROSS) {
            return Optional.empty();
        }
        IntFunction<NDArray> views = flat::fixedView;
        Pass p = forward(x, y, views);
        long b = x.getShape().get(0);
        float sx = 2f / (b * x.getShape().get(1));
        float sy = 2f / (b * y.getShape().get(1));
        NDArray rx = p.rx().output().sub(x);
        NDArray ry = p.ry().output().sub(y);
        NDArray cx = p.cx().output().sub(x);
        NDArray cy = p.cy().output().sub(y);
        NDArray loss = rx.square().mean().add(ry.square().mean()).mul(alpha)
                .add(cx.square().mean().add(cy.square().mean()).mul(lam));
        FlatParameters.Gradient g = flat.newGradient();
        NDArray dzx = decXX.backward(flat, p.rx(), rx.mul(alpha * sx), g, true)
                .add(decXY.backward(flat, p.cy(), cy.mul(lam * sy), g, true));
        NDArray dzy = decYY.backward(flat, p.ry(), ry.mul(alpha * sy), g, true)
                .add(decYX.backward(flat, p.cx(), cx.mul(lam * sx), g, true));
        encX.backward(flat, p.ex(), dzx, g, false);
        encY.backward(flat, p.ey(), dzy, g, false);
        double value = loss.getFloat();
        return Optional.of(new ExplicitStep(value, value, new NDList(g.flat(x.getManager()))));
    }

    @Override
    public void close() {
        flat.close();
    }
}
