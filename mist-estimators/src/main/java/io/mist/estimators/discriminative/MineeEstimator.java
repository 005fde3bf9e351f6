package io.mist.estimators.discriminative;

import io.mist.core.BoundType;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;

/**
 * MI-NEE, mutual information neural entropic estimation (Chan, Al-Bashabsheh, Huang, Lim, Liu 2019, "Neural
 * Entropic Estimation: A faster path to mutual information estimation", arXiv:1905.12957): for any product
 * reference {@code Q_X x Q_Y} with finite divergences,
 * <pre>
 *   I(X; Y) = D(P_XY || Q_X x Q_Y) - D(P_X || Q_X) - D(P_Y || Q_Y),
 * </pre>
 * each divergence estimated by its own Donsker-Varadhan critic,
 * {@code D(P || Q) >= E_P[t] - log E_Q[e^t]}, whose negatives are i.i.d. draws from the known reference
 * (no resampling of the data, the point of the method). The references are fitted to the training rows:
 * Gaussians of their mean and covariance by default (after standardisation, close to the data, so the two
 * marginal divergences are small), or uniform on their bounding box (the paper's choice;
 * {@code reference=uniform}). Training maximises the three bounds together (plain DV gradients, as the
 * MI-NEE code); the value, its three terms (in the diagnostics) and the standard error are measured on
 * held-out rows exactly as for the discriminative estimators ({@link DiscriminativeEstimator}: 5-fold
 * cross-fitting by default, inputs standardised with training statistics).
 *
 * <p><b>Bound</b>: neither: each term is a lower bound of its divergence, so the first term can only
 * underestimate and the two subtracted ones can only be underestimated; errors of opposite signs remain.
 * Immutable and thread-safe.
 */
public final class MineeEstimator extends NetworkEstimator {
    private final MineeConfig config;

    /** An estimator with {@code config}, seeded by its training seed. */
    public MineeEstimator(MineeConfig config) {
        super(Checks.notNull("config", config).critics(), MineeConfig.NAME, BoundType.NEITHER,
                new DiscriminativeEstimator.Networks() {
                    @Override
                    public io.mist.core.NeuralEstimator create(PairedData training, int dx, int dy,
                            ai.djl.ndarray.NDManager manager, long seed) {
                        return MineeNeuralEstimator.create(config, training, dx, dy, manager, seed);
                    }

                    @Override
                    public String afterEvaluation(io.mist.core.NeuralEstimator net, PairedData held, int batch) {
                        double[] t = ((MineeNeuralEstimator) net).terms(held, batch);
                        return Checks.format("mi-nee terms on the held-out rows (%s references): D(P_XY||Q_X x Q_Y) "
                                + "= %.4f, D(P_X||Q_X) = %.4f, D(P_Y||Q_Y) = %.4f; I = %.4f", config.reference().id(),
                                t[0], t[1], t[2], t[0] - t[1] - t[2]);
                    }
                });
        this.config = config;
    }

    /** The config. */
    public MineeConfig config() {
        return config;
    }
}
