package io.mist.estimators.nn;

import io.mist.estimators.nn.internal.OptionIds;
import io.mist.estimators.nn.internal.Mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;

import java.util.function.UnaryOperator;

/**
 * The activation between the hidden layers of an {@link Mlp}: the elementwise functions of DJL's
 * {@link Activation}, by their PyTorch names. Each activation is declared once, as a primitive that carries
 * its value (the native function, used by the forward pass on either training path) and its derivative
 * (used by the hand-written backward pass of the explicit step), the derivative written from the input
 * {@code z} and the output {@code a = f(z)} so that it reuses the forward's work; a parameter (a slope, an
 * ELU's {@code alpha}) is given once and serves both.
 */
public enum Nonlinearity {
    /** {@code max(0, x)} (the default, as torch_mist); {@code f' = [a > 0]}. */
    RELU("relu", Activation::relu, (z, a, da) -> da.mul(a.sign())), // sign(relu(z)) = [z > 0], a float mask
    /** {@code tanh(x)}; {@code f' = 1 - a^2}. */
    TANH("tanh", Activation::tanh, (z, a, da) -> da.sub(da.mul(a.square()))),
    /** {@code 1 / (1 + exp(-x))}; {@code f' = a - a^2}. */
    SIGMOID("sigmoid", Activation::sigmoid, (z, a, da) -> da.mul(a.sub(a.square()))),
    /** {@code x} for {@code x > 0}, else {@code exp(x) - 1} (Clevert et al. 2016; alpha 1). */
    ELU("elu", Rules.elu(1f)),
    /** {@code x Phi(x)} (Hendrycks and Gimpel 2016); {@code f' = Phi(z) + z phi(z)}. */
    GELU("gelu", Activation::gelu, (z, a, da) -> {
        NDArray cdf = z.mul((float) (1 / Math.sqrt(2))).erf().add(1f).mul(0.5f);
        NDArray zpdf = z.mul(z.square().mul(-0.5f).exp()).mul((float) (1 / Math.sqrt(2 * Math.PI)));
        return da.mul(cdf.add(zpdf));
    }),
    /** {@code x} for {@code x > 0}, else {@code 0.01 x} (PyTorch's default slope). */
    LEAKY_RELU("leaky_relu", Rules.leaky(0.01f)),
    /** {@code log(1 + exp(x))}; {@code f' = sigmoid(z)}. */
    SOFTPLUS("softplus", Activation::softPlus, (z, a, da) -> da.mul(Activation.sigmoid(z))),
    /**
     * Scaled ELU (Klambauer et al. 2017): {@code scale * x} for {@code x > 0}, else
     * {@code scale * alpha * (exp(x) - 1)}, PyTorch's constants.
     */
    SELU("selu", Rules.selu()),
    /** {@code x sigmoid(x)} (SiLU; swish with beta 1); {@code f' = s + z s (1 - s) = s + a - a s}. */
    SILU("silu", x -> Activation.swish(x, 1f), (z, a, da) -> {
        NDArray sig = Activation.sigmoid(z);
        return da.mul(sig.add(a).sub(a.mul(sig)));
    });

    /** The gradient through the function: {@code dz = f'(z) * da}, given {@code z}, {@code a = f(z)}, {@code da}. */
    @FunctionalInterface
    private interface Derivative {
        NDArray apply(NDArray z, NDArray a, NDArray da);
    }

    /** A function with its derivative. */
    private record Rule(UnaryOperator<NDArray> function, Derivative derivative) {
    }

    /** The parameterised activations: each parameter given once, for the value and the derivative. */
    private static final class Rules {
        /** SELU's constants (Klambauer et al. 2017; PyTorch's values, which its native {@code selu} uses). */
        static final float SELU_SCALE = 1.0507009873554804934193349852946f;
        static final float SELU_ALPHA = 1.6732632423543772848170429916717f;

        /** {@code x} above 0, {@code slope x} below; {@code f' = 1} or {@code slope}. */
        static Rule leaky(float slope) {
            return new Rule(x -> Activation.leakyRelu(x, slope),
                    (z, a, da) -> NDArrays.where(z.gt(0f), da, da.mul(slope)));
        }

        /** {@code x} above 0, {@code alpha (exp(x) - 1)} below; {@code f' = 1} or {@code a + alpha}. */
        static Rule elu(float alpha) {
            return new Rule(x -> Activation.elu(x, alpha),
                    (z, a, da) -> NDArrays.where(z.gt(0f), da, da.mul(a.add(alpha))));
        }

        /** {@code scale} times the ELU with {@code alpha}; {@code f' = scale} or {@code a + scale alpha}. */
        static Rule selu() {
            return new Rule(Activation::selu, (z, a, da) -> NDArrays.where(z.gt(0f), da.mul(SELU_SCALE),
                    da.mul(a.add(SELU_SCALE * SELU_ALPHA))));
        }

        private Rules() {
        }
    }

    private final String id;
    private final UnaryOperator<NDArray> function;
    private final Derivative derivative;

    Nonlinearity(String id, UnaryOperator<NDArray> function, Derivative derivative) {
        this.id = id;
        this.function = function;
        this.derivative = derivative;
    }

    Nonlinearity(String id, Rule rule) {
        this(id, rule.function(), rule.derivative());
    }

    /** The option value, e.g. {@code "leaky_relu"}. */
    public String id() {
        return id;
    }

    /** The function applied elementwise to {@code x}. */
    public NDArray apply(NDArray x) {
        return function.apply(x);
    }

    /**
     * Back-propagates through the function: {@code f'(z) * da} elementwise, from the input {@code z}, the
     * output {@code a = f(z)} and the gradient {@code da} of the output (results in {@code da}'s or
     * {@code z}'s manager).
     */
    public NDArray backward(NDArray z, NDArray a, NDArray da) {
        return derivative.apply(z, a, da);
    }

    /** The nonlinearity named {@code id}; an unknown name lists the known ones. */
    public static Nonlinearity of(String id) {
        return OptionIds.of("activation", id, values(), Nonlinearity::id);
    }

    /** All option values. */
    public static String[] ids() {
        return OptionIds.ids(values(), Nonlinearity::id);
    }
}
