package io.mist.estimators.quantized;

import ai.djl.ndarray.NDManager;

import io.mist.core.BoundType;
import io.mist.core.NeuralEstimator;
import io.mist.core.internal.Checks;
import io.mist.data.PairedData;
import io.mist.estimators.discriminative.DiscriminativeEstimator;
import io.mist.estimators.discriminative.NetworkEstimator;

/**
 * PQ (torch_mist's {@code pq}; the quantized proposal of Federici, Ruhe and Forré 2023, "On the Effectiveness
 * of Hybrid Mutual Information Estimation"): the information between x and a quantization {@code K = Q(Y)}
 * of y through a categorical model {@code q(k | x) = softmax(MLP(x))_k},
 * <pre>
 *   I(X; Y) >= I(X; Q(Y)) >= H(Q(Y)) + E[log q(Q(y) | x)] = E[log q(Q(y) | x) - log p(Q(y))],
 * </pre>
 * the first inequality by data processing, the second Barber and Agakov's (2003) variational bound on the
 * discrete variable, tight when {@code q(k|x) = p(k|x)}. The quantizer ({@code quantization}, k-means with
 * {@code n_bins} 32 by default) and the marginal {@code p(k)} are fitted on the training rows of each fit;
 * {@code q} is trained by maximum likelihood with the library's trainer; the value is measured on held-out
 * rows with a standard error (5-fold cross-fitting by default, inputs standardised with training statistics),
 * as for the discriminative estimators.
 *
 * <p><b>Bound</b>: lower. The quantization gap {@code I(X; Y) - I(X; Q(Y))} grows with the dimension of y:
 * small in one dimension with 32 bins, about half of the 1.116 nats of the 5-D + 5-D Gaussian; the
 * hybrid-pq estimator adds a discriminative correction for it. Immutable and thread-safe.
 */
public final class PqEstimator extends NetworkEstimator {
    private final PqConfig config;

    /** An estimator with {@code config}, seeded by its training seed. */
    public PqEstimator(PqConfig config) {
        super(Checks.notNull("config", config).critics(), PqConfig.NAME, BoundType.LOWER,
                new DiscriminativeEstimator.Networks() {
                    @Override
                    public NeuralEstimator create(PairedData training, int dx, int dy, NDManager manager,
                            long seed) {
                        return PqNeuralEstimator.create(config, training, dx, dy, manager, seed);
                    }
                });
        this.config = config;
    }

    /** The config. */
    public PqConfig config() {
        return config;
    }
}
