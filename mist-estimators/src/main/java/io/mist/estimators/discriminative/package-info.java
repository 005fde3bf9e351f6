/**
 * Discriminative neural estimators (torch_mist's family): NWJ, MINE, InfoNCE, TUBA, alpha-TUBA, JS, SMILE and
 * FLO ({@link io.mist.estimators.discriminative.Bound}), critics (joint and separable MLPs on flat
 * parameters, any DJL block), the baselines of TUBA and alpha-TUBA (constant, learnable scalar, network
 * {@code b(x)}, log-mean-exp of the negatives), and their registry entries.
 *
 * <p>One bound, one definition: each bound is a short composition of terms (package-private {@code Term}:
 * the positives, the baseline, FLO's {@code u}, the log-mean-exp of the negatives per column or over all of
 * them, the shifted mean of their exponentials, their mean softplus, MINE's detached moving average, and
 * elementwise arithmetic), each term carrying its value and its gradient. The composition ({@code Objective})
 * is evaluated on NDArrays for evaluation and PyTorch's autograd, and on the JVM with reverse-mode gradients
 * for the explicit training step of the built-in networks; which scores that step must copy to the JVM (all
 * negatives, or one log-mean-exp per column) is read off the composition. A new bound is one enum constant
 * with its formula; a new kind of reduction over the scores is one small term.
 */
package io.mist.estimators.discriminative;
