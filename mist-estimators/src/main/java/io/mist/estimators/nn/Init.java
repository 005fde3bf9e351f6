package io.mist.estimators.nn;

import io.mist.estimators.nn.internal.OptionIds;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Initial weights of a linear layer {@code [fanOut, fanIn]}, drawn from a seeded generator, with PyTorch's
 * formulas ({@code torch.nn.init}). Biases always get PyTorch's default, uniform in
 * {@code +-1/sqrt(fanIn)}, whatever the weight scheme (as when a torch model re-initialises only its
 * weights).
 */
public enum Init {
    /**
     * PyTorch's default for {@code nn.Linear} (and torch_mist's): uniform in {@code +-1/sqrt(fanIn)}, i.e.
     * Kaiming uniform with {@code a = sqrt(5)}.
     */
    DEFAULT("default") {
        @Override
        double draw(int fanIn, int fanOut, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian g) {
            return uniform(1 / Math.sqrt(fanIn), rng);
        }
    },
    /** Glorot and Bengio (2010): uniform in {@code +-sqrt(6 / (fanIn + fanOut))}. */
    XAVIER_UNIFORM("xavier_uniform") {
        @Override
        double draw(int fanIn, int fanOut, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian g) {
            return uniform(Math.sqrt(6.0 / (fanIn + fanOut)), rng);
        }
    },
    /** Glorot and Bengio (2010): normal with standard deviation {@code sqrt(2 / (fanIn + fanOut))}. */
    XAVIER_NORMAL("xavier_normal") {
        @Override
        double draw(int fanIn, int fanOut, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian g) {
            return g.sample() * Math.sqrt(2.0 / (fanIn + fanOut));
        }
    },
    /**
     * He et al. (2015), PyTorch's {@code kaiming_uniform_} defaults (ReLU gain {@code sqrt(2)}, fan-in mode):
     * uniform in {@code +-sqrt(6 / fanIn)}.
     */
    KAIMING_UNIFORM("kaiming_uniform") {
        @Override
        double draw(int fanIn, int fanOut, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian g) {
            return uniform(Math.sqrt(6.0 / fanIn), rng);
        }
    },
    /** He et al. (2015), PyTorch's {@code kaiming_normal_} defaults: normal with sd {@code sqrt(2 / fanIn)}. */
    KAIMING_NORMAL("kaiming_normal") {
        @Override
        double draw(int fanIn, int fanOut, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian g) {
            return g.sample() * Math.sqrt(2.0 / fanIn);
        }
    };

    private final String id;

    Init(String id) {
        this.id = id;
    }

    /** The option value, e.g. {@code "xavier_uniform"}. */
    public String id() {
        return id;
    }

    abstract double draw(int fanIn, int fanOut, UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian g);

    private static double uniform(double bound, UniformRandomProvider rng) {
        return (2 * rng.nextDouble() - 1) * bound;
    }

    /**
     * Writes {@code n} weights of a layer with {@code fanIn} inputs and {@code fanOut} outputs into
     * {@code values} from {@code offset}, drawing from {@code rng}.
     */
    public void fillWeights(float[] values, int offset, int n, int fanIn, int fanOut, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = this == XAVIER_NORMAL || this == KAIMING_NORMAL
                ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        for (int i = 0; i < n; i++) {
            values[offset + i] = (float) draw(fanIn, fanOut, rng, g);
        }
    }

    /** Writes {@code n} biases (PyTorch's default, uniform in {@code +-1/sqrt(fanIn)}). */
    public static void fillBiases(float[] values, int offset, int n, int fanIn, UniformRandomProvider rng) {
        double bound = 1 / Math.sqrt(fanIn);
        for (int i = 0; i < n; i++) {
            values[offset + i] = (float) uniform(bound, rng);
        }
    }

    /** The scheme named {@code id}; an unknown name lists the known ones. */
    public static Init of(String id) {
        return OptionIds.of("init", id, values(), Init::id);
    }

    /** All option values. */
    public static String[] ids() {
        return OptionIds.ids(values(), Init::id);
    }
}
