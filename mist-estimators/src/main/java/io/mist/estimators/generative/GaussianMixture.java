package io.mist.estimators.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import io.mist.core.ConditionalDistribution;
import io.mist.core.Distribution;
import io.mist.core.internal.Checks;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;
import io.mist.estimators.nn.internal.Mlp;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A mixture of {@code K} diagonal Gaussians,
 * <pre>
 *   q(y | x) = sum_k pi_k(x) N(y; mu_k(x), diag(exp(2 s_k(x)))),   pi(x) = softmax(a(x)),
 * </pre>
 * unconditional ({@link Distribution}: {@code a}, {@code mu}, {@code s} learnable, the means initialised from
 * standard normal draws so that the components differ, {@code a = s = 0}) or conditional
 * ({@link ConditionalDistribution}: {@code [a, mu, s] = MLP(x)}, {@code dx -> hidden... -> K (1 + 2 d)}). The
 * density is a log-sum-exp over the components; sampling picks a component from {@code pi} and adds scaled
 * standard normal noise, all from one seeded Java generator.
 */
final class GaussianMixture implements Distribution, ConditionalDistribution, FlatModule {
    private final int d;
    private final int k;
    private final Mlp mlp;
    private final int logits;
    private final int means;
    private final int logScales;
    private FlatParameters params;

    private GaussianMixture(FlatParameters.Layout layout, int d, int k, int dx, int[] hidden, Nonlinearity act,
            Init init) {
        this.d = Checks.atLeast("dim", d, 1);
        this.k = Checks.atLeast("n_components", k, 1);
        if (dx > 0) {
            this.mlp = new Mlp(layout, dx, hidden, k * (1 + 2 * d), act, init);
            this.logits = -1;
            this.means = -1;
            this.logScales = -1;
        } else {
            this.mlp = null;
            this.logits = layout.add(k);
            this.means = layout.add(k, d);
            this.logScales = layout.add(k, d);
        }
    }

    /** An unconditional mixture of {@code k} components on {@code R^d}. */
    static GaussianMixture marginal(FlatParameters.Layout layout, int d, int k) {
        return new GaussianMixture(layout, d, k, 0, null, null, null);
    }

    /** A mixture of {@code k} components on {@code R^d} whose parameters are an MLP of {@code dx}-dim x. */
    static GaussianMixture conditional(FlatParameters.Layout layout, int d, int k, int dx, int[] hidden,
            Nonlinearity act, Init init) {
        return new GaussianMixture(layout, d, k, Checks.atLeast("dx", dx, 1), hidden, act, init);
    }

    @Override
    public void initialize(FlatParameters.Layout layout, float[] values, UniformRandomProvider rng) {
        if (mlp != null) {
            mlp.initialize(layout, values, rng);
        } else {
            float[] m = StandardNormal.values(k * d, rng);
            System.arraycopy(m, 0, values, layout.offset(means), m.length);
        }
    }

    @Override
    public void bind(FlatParameters p) {
        this.params = p;
    }

    @Override
    public int dim() {
        return d;
    }

    /** {@code {log pi [B or 1, K], mu [B or 1, K, d], s [B or 1, K, d]}}. */
    private NDArray[] components(NDArray x, NDManager m) {
        if (mlp == null) {
            NDArray a = params.view(logits, m).reshape(1, k);
            return new NDArray[] {a.logSoftmax(1), params.view(means, m).reshape(1, k, d),
                params.view(logScales, m).reshape(1, k, d)};
        }
        NDArray out = mlp.forward(params, x);
        long b = out.getShape().get(0);
        NDArray a = out.get(new NDIndex(":, :{}", k));
        NDArray mu = out.get(new NDIndex(":, {}:{}", k, k + k * d)).reshape(b, k, d);
        NDArray s = out.get(new NDIndex(":, {}:", k + k * d)).reshape(b, k, d);
        return new NDArray[] {a.logSoftmax(1), mu, s};
    }

    @Override
    public NDArray logProb(NDArray y) {
        return logProb(null, y);
    }

    @Override
    public NDArray logProb(NDArray x, NDArray y) {
        NDArray[] c = components(x, y.getManager());
        NDArray diff = y.expandDims(1).sub(c[1]).mul(c[2].neg().exp());
        NDArray perComponent = diff.square().mul(-0.5).sub(c[2]).sum(new int[] {2})
                .sub(d * StandardNormal.HALF_LOG_TWO_PI);
        NDArray a = perComponent.add(c[0]);
        NDArray max = a.max(new int[] {1}, true).stopGradient();
        return a.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
    }

    @Override
    public NDArray sample(NDManager manager, int n, long seed) {
        Checks.atLeast("n", n, 1);
        return draw(manager, null, n, seed);
    }

    @Override
    public NDArray sample(NDArray x, long seed) {
        return draw(x.getManager(), x, Math.toIntExact(x.getShape().get(0)), seed);
    }

    private NDArray draw(NDManager manager, NDArray x, int n, long seed) {
        NDArray[] c = components(x, manager);
        float[] logPi = c[0].toFloatArray();
        float[] mu = c[1].toFloatArray();
        float[] s = c[2].toFloatArray();
        boolean perRow = x != null;
        UniformRandomProvider rng = Seeds.rng(seed);
        float[] eps = StandardNormal.values(n * d, rng);
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            int row = perRow ? i : 0;
            double u = rng.nextDouble();
            int comp = k - 1;
            double acc = 0;
            for (int j = 0; j < k; j++) {
                acc += Math.exp(logPi[row * k + j]);
                if (u < acc) {
                    comp = j;
                    break;
                }
            }
            int base = (row * k + comp) * d;
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (mu[base + j] + Math.exp(s[base + j]) * eps[i * d + j]);
            }
        }
        return manager.create(out, new Shape(n, d));
    }

    @Override
    public NDList parameters() {
        return new NDList(params.array());
    }
}
