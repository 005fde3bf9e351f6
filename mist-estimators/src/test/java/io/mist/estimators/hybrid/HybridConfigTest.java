package io.mist.estimators.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.InvalidOptionException;
import io.mist.estimators.discriminative.Bound;
import io.mist.estimators.generative.Generative;
import io.mist.estimators.generative.MarginalTransform;
import io.mist.registry.EstimatorOptions;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;
import io.mist.registry.OptionSpec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The hybrid's options: the parts are chosen by name and their own options pass through. */
class HybridConfigTest {
    private static HybridConfig parse(Map<String, String> options) {
        EstimatorProvider p = EstimatorRegistry.global().provider(HybridProvider.NAME);
        EstimatorOptions o = EstimatorOptions.parse(p.name(), p.options(), options, 1);
        return HybridConfig.schema().apply(o, HybridConfig.builder()).build();
    }

    @Test
    void partsAndTheirOptionsPassThrough() {
        HybridConfig d = parse(Map.of());
        assertEquals(Bound.SMILE, d.discriminative().bound());
        assertEquals(Generative.DOE, d.generative().kind());
        assertEquals(List.of(64, 64), d.generative().hiddenDims());
        HybridConfig c = parse(Map.of("discriminative", "mine", "gamma", "0.5", "generative", "ba", "entropy_y", "7.1",
                "marginal_transform_name", "affine_autoregressive", "hidden_dims", "8,4", "neg_samples", "3"));
        assertEquals(Bound.MINE, c.discriminative().bound());
        assertEquals(0.5, c.discriminative().gamma());
        assertEquals(Generative.BA, c.generative().kind());
        assertEquals(7.1, c.generative().entropyY().getAsDouble());
        assertEquals(MarginalTransform.AFFINE_AUTOREGRESSIVE, c.generative().marginalTransform());
        assertEquals(List.of(8, 4), c.generative().hiddenDims());
        assertEquals(List.of(8, 4), c.discriminative().hiddenDims());
        assertEquals(3, c.negatives());
        List<String> names = EstimatorRegistry.global().provider(HybridProvider.NAME).options().stream()
                .map(OptionSpec::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names::toString);
        assertTrue(names.containsAll(List.of("tau", "conditional_transform_name", "entropy_y", "lr", "folds")));
    }

    @Test
    void badOptionsNameTheOption() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> parse(Map.of("discriminative", "kde")));
        assertEquals("discriminative", e.option());
        assertTrue(e.getMessage().contains("smile"), e::getMessage);
        assertEquals("neg_samples", assertThrows(InvalidOptionException.class,
                () -> parse(Map.of("neg_samples", "0"))).option());
        InvalidOptionException g = assertThrows(InvalidOptionException.class, () -> parse(Map.of("generative", "gm")));
        assertEquals("generative", g.option());
    }
}
