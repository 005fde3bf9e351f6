package io.mist.estimators.generative;

import io.mist.registry.Capabilities;
import io.mist.registry.ConfigProvider;
import io.mist.registry.EstimatorOptions;
import io.mist.train.TrainListener;

import java.util.Map;

/**
 * Registry entries of the generative estimators, generated from {@link GenerativeConfig#schema(Generative)}
 * (torch_mist's option names). The seed of the request is the training seed; listeners of the request receive
 * training progress.
 */
public final class GenerativeProviders {
    private GenerativeProviders() {
    }

    /** Shared provider logic; one subclass per name. */
    abstract static class Base extends ConfigProvider<GenerativeConfig.Builder> {
        Base(Generative kind, String description) {
            super(kind.id(), "generative", description, Capabilities.continuous().withTraining().withPointwise(),
                    () -> GenerativeConfig.schema(kind), o -> start(kind, o),
                    (b, o) -> new GenerativeEstimator(b.build()));
        }

        private static GenerativeConfig.Builder start(Generative kind, EstimatorOptions o) {
            GenerativeConfig.Builder b = GenerativeConfig.builder(kind);
            b.train().seed(o.seed());
            o.listeners().forEach(l -> b.train().listener(TrainListener.of(l)));
            return b;
        }

        @Override
        public Map<String, String> demoOptions() {
            return Map.of("max_iterations", "300");
        }
    }

    /** {@code "ba"}. */
    public static final class Ba extends Base {
        /** The provider. */
        public Ba() {
            super(Generative.BA, "Barber-Agakov lower bound H(Y) + E[log q(y|x)] (H(Y) given or k-NN estimated)");
        }
    }

    /** {@code "doe"}. */
    public static final class Doe extends Base {
        /** The provider. */
        public Doe() {
            super(Generative.DOE, "difference of entropies E[log q(y|x) - log q(y)] (McAllester-Stratos)");
        }
    }

    /** {@code "gm"}. */
    public static final class Gm extends Base {
        /** The provider. */
        public Gm() {
            super(Generative.GM, "generative model E[log q(x,y) - log q(x) - log q(y)] (autoregressive flow joint)");
        }
    }

    /** {@code "club"}. */
    public static final class Club extends Base {
        /** The provider. */
        public Club() {
            super(Generative.CLUB, "CLUB contrastive log-ratio upper bound (Cheng et al. 2020)");
        }
    }

    /** {@code "l1out"}. */
    public static final class L1Out extends Base {
        /** The provider. */
        public L1Out() {
            super(Generative.L1OUT, "leave-one-out bound over the batch with a learned q(y|x) (Poole et al. 2019)");
        }
    }
}
