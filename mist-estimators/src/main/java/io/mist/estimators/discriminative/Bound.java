package io.mist.estimators.discriminative;

import static io.mist.estimators.discriminative.Term.baseline;
import static io.mist.estimators.discriminative.Term.constant;
import static io.mist.estimators.discriminative.Term.logMeanExpAll;
import static io.mist.estimators.discriminative.Term.logMeanExpColumns;
import static io.mist.estimators.discriminative.Term.logMovingAverageOfExp;
import static io.mist.estimators.discriminative.Term.meanExpShifted;
import static io.mist.estimators.discriminative.Term.meanSoftplusNegatives;
import static io.mist.estimators.discriminative.Term.positives;
import static io.mist.estimators.discriminative.Term.u;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import io.mist.core.BoundType;
import io.mist.train.internal.Ema;


/**
 * The discriminative bounds of torch_mist (Poole et al. 2019, "On Variational Bounds of Mutual
 * Information"). With positives {@code f_i}, negatives {@code f'_{k,i}} ({@code M} per x) and a per-sample
 * log normaliser {@code log Z_i}, the pointwise value is {@code r_i = f_i - log Z_i}, the estimate
 * {@code mean_i r_i} and the loss {@code -mean_i r_i} unless stated. The baseline form is
 * {@code log Z_i = E_i(b) + b_i - 1} with {@code E_i(b) = mean_k exp(f'_{k,i} - b_i)}.
 *
 * <p>Each bound's mathematics is written once, as an {@code Objective} composed of {@code Term}s (the
 * positives, the baseline, the log-mean-exp of the negatives per column or over all of them, the shifted
 * mean of their exponentials, their mean softplus, and elementwise arithmetic), each carrying its value and
 * its gradient. The same composition serves evaluation and PyTorch's autograd (on NDArrays) and the explicit
 * training step (on the JVM, with reverse-mode gradients); which scores the explicit step needs on the JVM
 * (all negatives, or one log-mean-exp per column) is read off the composition. Every log-mean-exp is
 * computed stably.
 */
public enum Bound {
    /**
     * NWJ (Nguyen, Wainwright and Jordan 2010; f-divergence / "f-GAN KL" bound): baseline form with
     * {@code b = 1}, {@code r_i = f_i - E_i(1) = f_i - exp(-1) mean_k exp(f'_{k,i})}. Unbiased batch estimate
     * of a lower bound; variance grows like {@code exp(I)}.
     */
    NWJ("nwj", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            return Objective.meanOf(positives().sub(meanExpShifted(constant(1))));
        }
    },
    /**
     * MINE (Belghazi et al. 2018): the Donsker-Varadhan bound {@code r_i = f_i - log mean_{k,i}
     * exp(f'_{k,i})}; trained with the bias-corrected gradient, i.e. the loss
     * {@code exp(lme - b) + b - 1 - mean_i f_i} with {@code lme = log mean_{k,i} exp(f'_{k,i})} and
     * {@code b = log EMA} of the batch values of {@code exp(lme)} (clamped to [1e-4, 1e4], decay
     * {@code gamma}, detached); estimate {@code mean_i f_i - lme}. Lower bound in expectation; the batch
     * estimate is biased upward by the log of a mean, so it may approach the truth from above.
     */
    MINE("mine", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            Term lme = logMeanExpAll(Double.POSITIVE_INFINITY);
            Term b = logMovingAverageOfExp(lme, ema, MINE_CLAMP_LOW, MINE_CLAMP_HIGH);
            Term meanPos = positives().mean();
            Term loss = lme.sub(b).exp().add(b.sub(1)).sub(meanPos);
            return new Objective(positives().sub(lme), loss, meanPos.sub(lme));
        }
    },
    /**
     * Plain Donsker-Varadhan (the MINE / MI-NEE notebook's "MINE without the moving average"; Donsker and
     * Varadhan 1983, Belghazi et al. 2018): {@code r_i = f_i - log mean_{k,i} exp(f'_{k,i})}, trained on
     * {@code -mean r} itself, whose gradient of the log of a batch mean is biased (the bias MINE's moving
     * average reduces); estimate {@code mean_i r_i}. Lower bound in expectation; the batch estimate is biased
     * upward by the log of a mean.
     */
    DV("dv", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            return Objective.meanOf(positives().sub(logMeanExpAll(Double.POSITIVE_INFINITY)));
        }
    },
    /**
     * InfoNCE (van den Oord et al. 2018; Poole et al. 2019): {@code log Z_i = log mean_k exp(f'_{k,i})} over
     * the whole batch, the positive included. Low variance, but never exceeds {@code log B}.
     */
    INFONCE("infonce", CriticType.SEPARABLE, 0, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            return Objective.meanOf(positives().sub(logMeanExpColumns()));
        }
    },
    /**
     * TUBA (Poole et al. 2019): the baseline form with a learned {@code b(x)},
     * {@code r_i = f_i - (E_i(b) + b_i - 1)}: tight when {@code b(x) = log E_y exp f(x, y)}; unbiased,
     * variance like NWJ's.
     */
    TUBA("tuba", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            Term b = baseline();
            return Objective.meanOf(positives().sub(meanExpShifted(b).add(b).sub(1)));
        }
    },
    /**
     * alpha-TUBA (Poole et al. 2019, the interpolated bound): baseline form with
     * {@code b_i = log(alpha exp(b1_i) + (1 - alpha) exp(b2_i))}, {@code b1_i = log mean_k exp(f'_{k,i})}
     * over the other batch elements and {@code b2} a learned {@code b(x)}; {@code alpha} trades InfoNCE's
     * low variance against TUBA's unbounded value. Written as {@code b = b1 + t},
     * {@code t = log alpha + softplus(b2 - b1 + log((1 - alpha) / alpha))}:
     * {@code r_i = f_i - b1_i - t_i - exp(-t_i) + 1}.
     */
    ALPHA_TUBA("alpha-tuba", CriticType.SEPARABLE, -1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            Term b1 = logMeanExpColumns();
            Term t = baseline().sub(b1).add(Math.log((1 - alpha) / alpha)).softplus().add(Math.log(alpha));
            return Objective.meanOf(positives().sub(b1).sub(t).sub(t.neg().exp()).add(1));
        }
    },
    /**
     * JS (Hjelm et al. 2019; Poole et al. 2019): trained on the Jensen-Shannon f-GAN objective
     * {@code mean_i softplus(-f_i) + mean_{k,i} softplus(f'_{k,i})}, whose optimal critic is the log density
     * ratio; reports the NWJ value of {@code f + 1} (baseline form with {@code b = 0}):
     * {@code r_i = f_i + 1 - mean_k exp(f'_{k,i})}. A lower bound of the trained critic; stable training.
     */
    JS("js", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            return jensenShannon(positives().add(1).sub(logMeanExpColumns().exp()));
        }
    },
    /**
     * SMILE (Song and Ermon 2020): trained like JS; the estimate is Donsker-Varadhan with the negatives
     * clipped to {@code [-tau, tau]} in the partition term, {@code r_i = f_i - log mean_{k,i}
     * exp(clip(f'_{k,i}))}. Neither bound: clipping trades a small bias for much lower variance.
     */
    SMILE("smile", CriticType.JOINT, 1, BoundType.NEITHER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            return jensenShannon(positives().sub(logMeanExpAll(tau)));
        }
    },
    /**
     * FLO (Guo et al. 2022, "Tight Mutual Information Estimation With Contrastive Fenchel-Legendre
     * Optimization"): a critic {@code f} and a normalised critic {@code u} sharing the separable critic's
     * embeddings; {@code log Z_i = exp(u_i - f_i + log mean_k exp(f'_{k,i})) - 1}, loss
     * {@code mean_i (log Z_i - u_i)}, estimate {@code mean_i u_i}. A lower bound that is tight at the
     * optimum, with InfoNCE-like variance but no {@code log B} ceiling.
     */
    FLO("flo", CriticType.SEPARABLE, -1, BoundType.LOWER) {
        @Override
        Objective objective(double tau, double alpha, Ema ema) {
            Term u = u();
            Term logZ = u.sub(positives()).add(logMeanExpColumns()).exp().sub(1);
            return new Objective(u, logZ.sub(u).mean(), u.mean());
        }
    };

    /** MINE's clamp of the batch value of {@code exp(lme)} before it enters the moving average. */
    private static final double MINE_CLAMP_LOW = 1e-4;
    private static final double MINE_CLAMP_HIGH = 1e4;

    private final String id;
    private final CriticType defaultCritic;
    private final int defaultNegSamples;
    private final BoundType boundType;

    Bound(String id, CriticType critic, int neg, BoundType type) {
        this.id = id;
        this.defaultCritic = critic;
        this.defaultNegSamples = neg;
        this.boundType = type;
    }

    /** Registered name. */
    public String id() {
        return id;
    }

    /** torch_mist's default critic. */
    public CriticType defaultCritic() {
        return defaultCritic;
    }

    /** torch_mist's default {@code neg_samples}. */
    public int defaultNegSamples() {
        return defaultNegSamples;
    }

    /** Bound type (decides the early-stopping direction). */
    public BoundType boundType() {
        return boundType;
    }

    /** Whether a learned baseline {@code b(x)} is part of the model. */
    public boolean needsBaseline() {
        return objective(1, 0.5, null).needsBaseline(); // which terms appear does not depend on the parameters
    }

    /** The bound of the given name. */
    public static Bound of(String id) {
        for (Bound b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        throw io.mist.core.internal.Checks.fail("unknown discriminative estimator '%s'", id);
    }

    /**
     * The bound's formula with the given SMILE clip {@code tau}, alpha-TUBA's {@code alpha} and MINE's moving
     * average {@code ema} (parameters a bound does not use are ignored).
     */
    abstract Objective objective(double tau, double alpha, Ema ema);

    /** Per-sample values {@code r_i}, {@code [B]}. */
    NDArray pointwise(Scores s, double tau, double alpha) {
        return objective(tau, alpha, null).pointwise(s);
    }

    /** {@code [loss, estimate]} of a training batch. */
    NDList loss(Scores s, double tau, double alpha, Ema ema) {
        return objective(tau, alpha, ema).loss(s);
    }

    /**
     * The Jensen-Shannon training loss {@code mean_i softplus(-f_i) + mean_{k,i} softplus(f'_{k,i})}, with the
     * estimate {@code mean r}.
     */
    private static Objective jensenShannon(Term pointwise) {
        Term loss = positives().neg().softplus().mean().add(meanSoftplusNegatives());
        return new Objective(pointwise, loss, pointwise.mean());
    }
}
