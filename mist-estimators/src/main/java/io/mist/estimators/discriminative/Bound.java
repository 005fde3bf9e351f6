package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

import io.mist.core.BoundType;
import io.mist.train.Ema;

import java.util.Arrays;

/**
 * The discriminative bounds of torch_mist (Poole et al. 2019, "On Variational Bounds of Mutual
 * Information"), all in one shape: with positives {@code f_i}, negatives {@code f'_{m,i}} ({@code M} per
 * x) and a per-sample log normaliser {@code log Z_i}, the pointwise value is {@code r_i = f_i - log Z_i},
 * the estimate {@code mean_i r_i} and the loss {@code -mean_i r_i} unless stated. The baseline form is
 * {@code log Z_i = mean_m [exp(f'_{m,i} - b_i)] + b_i - 1}. Every log-mean-exp is computed stably.
 */
public enum Bound {
    /**
     * NWJ (Nguyen, Wainwright and Jordan 2010; f-divergence / "f-GAN KL" bound): baseline form with
     * {@code b = 1}, {@code r_i = f_i - exp(-1) mean_m exp(f'_{m,i})}. Unbiased batch estimate of a lower
     * bound; variance grows like {@code exp(I)}.
     */
    NWJ("nwj", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            return s.pos().sub(s.logMeanExpPerColumn(s.neg()).sub(1f).exp());
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            baselineForm(s, constant(s.batch(), 1), false);
        }
    },
    /**
     * MINE (Belghazi et al. 2018): the Donsker-Varadhan bound {@code mean_i f_i - log mean_{m,i}
     * exp(f'_{m,i})}; trained with the bias-corrected gradient, i.e. the baseline form with
     * {@code b = log EMA} of the batch means of {@code exp(f')} (clamped to [1e-4, 1e4], decay
     * {@code gamma}, detached). Lower bound in expectation; the batch estimate is biased upward by the
     * log of a mean, so it may approach the truth from above.
     */
    MINE("mine", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            return s.pos().sub(s.logMeanExpAll(s.neg()));
        }

        @Override
        NDList loss(Scores s, double tau, double alpha, Ema ema) {
            NDArray lme = s.logMeanExpAll(s.neg());
            double batchMean = Math.exp(lme.toFloatArray()[0]);
            double clamped = Math.min(1e4, Math.max(1e-4, batchMean));
            double b = Math.log(ema.update(clamped));
            NDArray meanPos = s.pos().mean();
            NDArray loss = lme.sub((float) b).exp().add((float) (b - 1)).sub(meanPos);
            return new NDList(loss, meanPos.sub(lme).stopGradient());
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            double lme = s.logMeanExpAll(Double.POSITIVE_INFINITY);
            double b = Math.log(ema.update(Math.min(1e4, Math.max(1e-4, Math.exp(lme)))));
            int n = s.batch();
            // d/df' of exp(lme - b) is exp(lme - b) softmax(f') = exp(f' - b) / (M B)
            s.meanExpShifted(constant(n, b), 1.0 / ((double) s.negatives() * n));
            s.addAllPos(-1.0 / n);
            double meanPos = s.meanPos();
            s.result(Math.exp(lme - b) + b - 1 - meanPos, meanPos - lme);
        }
    },
    /**
     * InfoNCE (van den Oord et al. 2018; Poole et al. 2019): {@code log Z_i = log mean_m exp(f'_{m,i})} over
     * the whole batch, the positive included. Low variance, but never exceeds {@code log B}.
     */
    INFONCE("infonce", CriticType.SEPARABLE, 0, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            return s.pos().sub(s.logMeanExpPerColumn(s.neg()));
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            int n = s.batch();
            double[] lme = s.logMeanExpPerColumn();
            double est = s.meanPos() - mean(lme);
            s.addAllPos(-1.0 / n);
            s.addSoftmaxPerColumn(constant(n, 1.0 / n));
            s.result(-est, est);
        }
    },
    /**
     * TUBA (Poole et al. 2019): the baseline form with a learned {@code b(x)}: tight when
     * {@code b(x) = log E_y exp f(x, y)}; unbiased, variance like NWJ's.
     */
    TUBA("tuba", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            NDArray b = s.baseline();
            return s.pos().sub(s.logMeanExpPerColumn(s.neg()).sub(b).exp().add(b).sub(1f));
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            double[] b = new double[s.batch()];
            for (int i = 0; i < b.length; i++) {
                b[i] = s.baseline(i);
            }
            baselineForm(s, b, true);
        }
    },
    /**
     * alpha-TUBA (Poole et al. 2019, the interpolated bound): baseline form with
     * {@code b_i = log(alpha exp(b1_i) + (1 - alpha) exp(b2_i))}, {@code b1_i = log mean_m exp(f'_{m,i})}
     * over the other batch elements and {@code b2} a learned {@code b(x)}; {@code alpha} trades InfoNCE's
     * low variance against TUBA's unbounded value.
     */
    ALPHA_TUBA("alpha-tuba", CriticType.SEPARABLE, -1, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            // with b = logaddexp(b1 + log alpha, b2 + log(1 - alpha)) = b1 + t,
            // t = log alpha + softplus(b2 - b1 + log((1 - alpha) / alpha)):  r = f - exp(-t) - b1 - t + 1
            NDArray b1 = s.logMeanExpPerColumn(s.neg());
            NDArray t = Activation.softPlus(s.baseline().sub(b1).add((float) Math.log((1 - alpha) / alpha)))
                    .add((float) Math.log(alpha));
            return s.pos().sub(b1).sub(t).sub(t.neg().exp()).add(1f);
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            int n = s.batch();
            double[] b1 = s.logMeanExpPerColumn();
            double c = Math.log((1 - alpha) / alpha);
            double logAlpha = Math.log(alpha);
            double[] dB1 = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double v = s.baseline(i) - b1[i] + c;
                double t = logAlpha + HostScores.softplus(v);
                double et = Math.exp(-t);
                sum += s.pos(i) - b1[i] - t - et + 1;
                // dr/dt = exp(-t) - 1, dt/dv = sigmoid(v); v = b2 - b1 + c
                double drdv = (et - 1) * HostScores.sigmoid(v);
                dB1[i] = (1 + drdv) / n;
                s.addBaseline(i, -drdv / n);
            }
            s.addAllPos(-1.0 / n);
            s.addSoftmaxPerColumn(dB1);
            s.result(-sum / n, sum / n);
        }
    },
    /**
     * JS (Hjelm et al. 2019; Poole et al. 2019): trained on the Jensen-Shannon f-GAN objective
     * {@code mean_i softplus(-f_i) + mean_{m,i} softplus(f'_{m,i})}, whose optimal critic is the log density
     * ratio; reports the NWJ value of {@code f + 1} (baseline form with {@code b = 0}):
     * {@code r_i = f_i + 1 - mean_m exp(f'_{m,i})}. A lower bound of the trained critic; stable training.
     */
    JS("js", CriticType.JOINT, 1, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            return s.pos().add(1f).sub(s.logMeanExpPerColumn(s.neg()).exp());
        }

        @Override
        NDList loss(Scores s, double tau, double alpha, Ema ema) {
            return jsLoss(s, pointwise(s, tau, alpha));
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            double[] lme = s.logMeanExpPerColumn();
            double est = 0;
            for (int i = 0; i < lme.length; i++) {
                est += s.pos(i) + 1 - Math.exp(lme[i]);
            }
            jsGradient(s, est / lme.length);
        }
    },
    /**
     * SMILE (Song and Ermon 2020): trained like JS; the estimate is Donsker-Varadhan with the negatives
     * clipped to {@code [-tau, tau]} in the partition term, {@code r_i = f_i - log mean_{m,i}
     * exp(clip(f'_{m,i}))}. Neither bound: clipping trades a small bias for much lower variance.
     */
    SMILE("smile", CriticType.JOINT, 1, BoundType.NEITHER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            return s.pos().sub(s.logMeanExpAll(s.neg().clip((float) -tau, (float) tau)));
        }

        @Override
        NDList loss(Scores s, double tau, double alpha, Ema ema) {
            return jsLoss(s, pointwise(s, tau, alpha));
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            jsGradient(s, s.meanPos() - s.logMeanExpAll(tau));
        }
    },
    /**
     * FLO (Guo et al. 2022, "Tight Mutual Information Estimation With Contrastive Fenchel-Legendre
     * Optimization"): a critic {@code f} and a normalised critic {@code u} sharing the separable critic's
     * embeddings; {@code log Z_i = exp(u_i - f_i + log mean_m exp(f'_{m,i})) - 1}, loss
     * {@code -mean_i (u_i - log Z_i)}, estimate {@code mean_i u_i}. A lower bound that is tight at the
     * optimum, with InfoNCE-like variance but no {@code log B} ceiling.
     */
    FLO("flo", CriticType.SEPARABLE, -1, BoundType.LOWER) {
        @Override
        NDArray pointwise(Scores s, double tau, double alpha) {
            return s.u();
        }

        @Override
        NDList loss(Scores s, double tau, double alpha, Ema ema) {
            NDArray u = s.u();
            NDArray logZ = u.sub(s.pos()).add(s.logMeanExpPerColumn(s.neg())).exp().sub(1f);
            NDArray loss = logZ.sub(u).mean();
            return new NDList(loss, u.mean().stopGradient());
        }

        @Override
        void gradient(HostScores s, double tau, double alpha, Ema ema) {
            int n = s.batch();
            double[] lme = s.logMeanExpPerColumn();
            double[] w = new double[n];
            double loss = 0;
            double est = 0;
            for (int i = 0; i < n; i++) {
                w[i] = Math.exp(s.u(i) - s.pos(i) + lme[i]);
                loss += w[i] - 1 - s.u(i);
                est += s.u(i);
                s.addU(i, (w[i] - 1) / n);
                s.addPos(i, -w[i] / n);
                w[i] /= n;
            }
            s.addSoftmaxPerColumn(w);
            s.result(loss / n, est / n);
        }
    };

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

    /**
     * Whether the loss sees the negatives only through each column's {@code log mean_k exp f'_{k,i}} (so
     * {@link #gradient} works on {@link HostScores#columns}): InfoNCE, alpha-TUBA and FLO.
     */
    boolean columnwise() {
        return this == INFONCE || this == ALPHA_TUBA || this == FLO;
    }

    /** Whether a learned baseline {@code b(x)} is part of the model. */
    public boolean needsBaseline() {
        return this == TUBA || this == ALPHA_TUBA;
    }

    /** The bound of the given name. */
    public static Bound of(String id) {
        for (Bound b : values()) {
            if (b.id.equals(id)) {
                return b;
            }
        }
        throw io.mist.core.Checks.fail("unknown discriminative estimator '%s'", id);
    }

    /** Per-sample values {@code r_i}, {@code [B]}. */
    abstract NDArray pointwise(Scores s, double tau, double alpha);

    /** {@code [loss, estimate]} of a training batch (default: {@code -mean r}, {@code mean r}). */
    NDList loss(Scores s, double tau, double alpha, Ema ema) {
        NDArray est = pointwise(s, tau, alpha).mean();
        return new NDList(est.neg(), est);
    }

    /**
     * The loss, the estimate and the gradient of the loss with respect to the scores (and the baseline and
     * FLO's {@code u} where the bound has them) of a training batch, on the JVM: the same values as
     * {@link #loss}, for the explicit training step of the built-in networks.
     */
    abstract void gradient(HostScores s, double tau, double alpha, Ema ema);

    /**
     * The baseline form with {@code b_i}: {@code r_i = f_i - E_i - b_i + 1}, {@code E_i = mean_k exp(f'_{k,i} -
     * b_i)}, loss {@code -mean r}; {@code dL/df'_{k,i} = exp(f'_{k,i} - b_i) / (M B)}, {@code dL/db_i = (1 -
     * E_i) / B}.
     */
    private static void baselineForm(HostScores s, double[] b, boolean baselineGradient) {
        int n = s.batch();
        double[] e = s.meanExpShifted(b, 1.0 / ((double) s.negatives() * n));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += s.pos(i) - e[i] - b[i] + 1;
            if (baselineGradient) {
                s.addBaseline(i, (1 - e[i]) / n);
            }
        }
        s.addAllPos(-1.0 / n);
        s.result(-sum / n, sum / n);
    }

    /**
     * The Jensen-Shannon training loss {@code mean_i softplus(-f_i) + mean_{k,i} softplus(f'_{k,i})} and its
     * gradient, with the given estimate.
     */
    private static void jsGradient(HostScores s, double estimate) {
        int n = s.batch();
        int m = s.negatives();
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += HostScores.softplus(-s.pos(i)) / n;
            s.addPos(i, -HostScores.sigmoid(-s.pos(i)) / n);
        }
        double scale = 1.0 / ((double) m * n);
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                loss += HostScores.softplus(s.neg(k, i)) * scale;
                s.addNeg(k, i, HostScores.sigmoid(s.neg(k, i)) * scale);
            }
        }
        s.result(loss, estimate);
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    private static NDList jsLoss(Scores s, NDArray pointwise) {
        NDArray loss = Activation.softPlus(s.pos().neg()).mean().add(s.meanSoftplus(s.neg()));
        return new NDList(loss, pointwise.mean().stopGradient());
    }
}
