package io.mist.estimators.generative;

import ai.djl.ndarray.NDManager;

import io.mist.core.ConditionalDistribution;
import io.mist.core.Distribution;
import io.mist.core.internal.Checks;
import io.mist.core.internal.RandomStream;
import io.mist.core.internal.Seeds;
import io.mist.estimators.nn.Init;
import io.mist.estimators.nn.Nonlinearity;
import io.mist.estimators.nn.internal.FlatModule;
import io.mist.estimators.nn.internal.FlatParameters;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Builds the learnable densities of the generative estimators: {@link #marginal} {@code q(y)} and
 * {@link #conditional} {@code q(y | x)}, each with its parameters in one flat float32 array (gradients attached)
 * in the given manager, initialised from a seed. Train them by maximum likelihood with any optimiser over
 * {@code parameters()}; their arrays are freed with the manager.
 *
 * <p>The parameterisations are those of {@link MarginalTransform} and {@link ConditionalTransform}: flows on the
 * standard normal base (elementwise affine, conditional affine, masked autoregressive with reversals between
 * steps) and diagonal Gaussian mixtures; the network parts use ReLU and PyTorch's default initialisation unless
 * chosen otherwise.
 */
public final class Densities {
    /** Default number of mixture components. */
    public static final int DEFAULT_COMPONENTS = 8;

    private Densities() {
    }

    /**
     * A learnable {@code q(y)} on {@code R^d}.
     *
     * @param transform the family
     * @param nTransforms flow steps (at least 1; unused by {@link MarginalTransform#MIXTURE})
     * @param components mixture components (at least 1; used by {@link MarginalTransform#MIXTURE})
     * @param hidden hidden sizes of the autoregressive networks
     */
    public static Distribution marginal(MarginalTransform transform, int d, int nTransforms, int components,
            int[] hidden, NDManager manager, long seed) {
        FlatParameters.Layout layout = new FlatParameters.Layout();
        FlatModule m = marginal(layout, transform, d, nTransforms, components, hidden, Nonlinearity.RELU,
                Init.DEFAULT);
        bind(layout, List.of(m), manager, seed);
        return (Distribution) m;
    }

    /**
     * A learnable {@code q(y | x)} for {@code dy}-dimensional y and {@code dx}-dimensional x.
     *
     * @param transform the family
     * @param nTransforms flow steps (at least 1; unused by {@link ConditionalTransform#CONDITIONAL_MIXTURE})
     * @param components mixture components (used by {@link ConditionalTransform#CONDITIONAL_MIXTURE})
     * @param hidden hidden sizes of the networks of x
     */
    public static ConditionalDistribution conditional(ConditionalTransform transform, int dy, int dx,
            int nTransforms, int components, int[] hidden, NDManager manager, long seed) {
        FlatParameters.Layout layout = new FlatParameters.Layout();
        FlatModule m = conditional(layout, transform, dy, dx, nTransforms, components, hidden, Nonlinearity.RELU,
                Init.DEFAULT);
        bind(layout, List.of(m), manager, seed);
        return (ConditionalDistribution) m;
    }

    /** Initialises {@code modules} (in order) from {@code seed} and binds them to one flat array. */
    static FlatParameters bind(FlatParameters.Layout layout, List<FlatModule> modules, NDManager manager,
            long seed) {
        float[] values = new float[layout.size()];
        UniformRandomProvider rng = Seeds.rng(seed, RandomStream.CRITIC_INIT);
        for (FlatModule m : modules) {
            m.initialize(layout, values, rng);
        }
        FlatParameters flat = new FlatParameters(layout, values, manager);
        for (FlatModule m : modules) {
            m.bind(flat);
        }
        return flat;
    }

    /** Registers a marginal density in {@code layout}; the module is a {@link Distribution}. */
    static FlatModule marginal(FlatParameters.Layout layout, MarginalTransform transform, int d, int n,
            int components, int[] hidden, Nonlinearity act, Init init) {
        Checks.atLeast("dim", d, 1);
        Checks.notNull("transform", transform);
        if (transform == MarginalTransform.MIXTURE) {
            return GaussianMixture.marginal(layout, d, components);
        }
        Checks.atLeast("n_transforms", n, 1);
        List<Bijection> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (transform == MarginalTransform.LINEAR) {
                steps.add(new ElementwiseAffine(layout, d));
            } else {
                if (i > 0) {
                    steps.add(new Reverse());
                }
                steps.add(new MaskedAutoregressive(layout, d, 0, hidden, act, init));
            }
        }
        return new Flow(d, steps);
    }

    /** Registers a conditional density in {@code layout}; the module is a {@link ConditionalDistribution}. */
    static FlatModule conditional(FlatParameters.Layout layout, ConditionalTransform transform, int dy, int dx,
            int n, int components, int[] hidden, Nonlinearity act, Init init) {
        Checks.atLeast("dim", dy, 1);
        Checks.atLeast("dx", dx, 1);
        Checks.notNull("transform", transform);
        if (transform == ConditionalTransform.CONDITIONAL_MIXTURE) {
            return GaussianMixture.conditional(layout, dy, components, dx, hidden, act, init);
        }
        Checks.atLeast("n_transforms", n, 1);
        List<Bijection> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (transform == ConditionalTransform.CONDITIONAL_LINEAR) {
                steps.add(new ConditionalAffine(layout, dy, dx, hidden, act, init));
            } else {
                if (i > 0) {
                    steps.add(new Reverse());
                }
                steps.add(new MaskedAutoregressive(layout, dy, dx, hidden, act, init));
            }
        }
        return new Flow(dy, steps);
    }
}
