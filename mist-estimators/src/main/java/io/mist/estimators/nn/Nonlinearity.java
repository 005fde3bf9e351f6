package io.mist.estimators.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;

import java.util.function.UnaryOperator;

/**
 * The activation between the hidden layers of an {@link Mlp}: the elementwise functions of DJL's
 * {@link Activation}, by their PyTorch names.
 */
public enum Nonlinearity {
    /** {@code max(0, x)} (the default, as torch_mist). */
    RELU("relu", x -> Activation.relu(x), (z, a, da) -> da.mul(a.sign())), // sign(relu(z)) = [z > 0], a float mask
    /** {@code tanh(x)}. */
    TANH("tanh", x -> Activation.tanh(x), (z, a, da) -> da.sub(da.mul(a.square()))),
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID("sigmoid", x -> Activation.sigmoid(x), (z, a, da) -> da.mul(a.sub(a.square()))),
    /** {@code x} for {@code x > 0}, else {@code exp(x) - 1} (Clevert et al. 2016; alpha 1). */
    ELU("elu", x -> Activation.elu(x, 1f), (z, a, da) -> NDArrays.where(z.gt(0f), da, da.mul(a.add(1f)))),
    /** {@code x Phi(x)} (Hendrycks and Gimpel 2016). */
    GELU("gelu", x -> Activation.gelu(x), (z, a, da) -> {
        // d/dz z Phi(z) = Phi(z) + z phi(z)
        NDArray cdf = z.mul((float) (1 / Math.sqrt(2))).erf().add(1f).mul(0.5f);
        NDArray zpdf = z.mul(z.square().mul(-0.5f).exp()).mul((float) (1 / Math.sqrt(2 * Math.PI)));
        return da.mul(cdf.add(zpdf));
    }),
    /** {@code x} for {@code x > 0}, else {@code 0.01 x} (PyTorch's default slope). */
    LEAKY_RELU("leaky_relu", x -> Activation.leakyRelu(x, 0.01f),
            (z, a, da) -> NDArrays.where(z.gt(0f), da, da.mul(0.01f))),
    /** {@code log(1 + exp(x))}. */
    SOFTPLUS("softplus", x -> Activation.softPlus(x), (z, a, da) -> da.mul(Activation.sigmoid(z))),
    /** Scaled ELU (Klambauer et al. 2017). */
    SELU("selu", x -> Activation.selu(x), (z, a, da) -> NDArrays.where(z.gt(0f), da.mul(Selu.SCALE),
            da.mul(a.add(Selu.SCALE * Selu.ALPHA)))),
    /** {@code x sigmoid(x)} (SiLU; swish with beta 1). */
    SILU("silu", x -> Activation.swish(x, 1f), (z, a, da) -> {
        // d/dz z s(z) = s + z s (1 - s) = s + a - a s
        NDArray sig = Activation.sigmoid(z);
        return da.mul(sig.add(a).sub(a.mul(sig)));
    });

    /** SELU's constants (Klambauer et al. 2017; PyTorch's values). */
    private static final class Selu {
        static final float SCALE = 1.0507009873554804934193349852946f;
        static final float ALPHA = 1.6732632423543772848170429916717f;
    }

    /** The gradient through the function: {@code dz = f'(z) * da}, given {@code z}, {@code a = f(z)}, {@code da}. */
    @FunctionalInterface
    private interface Derivative {
        NDArray apply(NDArray z, NDArray a, NDArray da);
    }

    private final String id;
    private final UnaryOperator<NDArray> function;
    private final Derivative derivative;

    Nonlinearity(String id, UnaryOperator<NDArray> function, Derivative derivative) {
        this.id = id;
        this.function = function;
        this.derivative = derivative;
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
