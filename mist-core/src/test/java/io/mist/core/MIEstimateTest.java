package io.mist.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.internal.Seeds;

import java.util.List;

import org.junit.jupiter.api.Test;

class MIEstimateTest {
    @Test
    void builderSetsEveryField() {
        TrainingHistory h = new TrainingHistory.Builder().step(1, 0.5, 0.1).build();
        double[] pw = {0.1, 0.3};
        MIEstimate e = MIEstimate.builder("test", 0.2).standardError(0.05).pValue(0.01).shape(2, 3, 4).seed(9)
                .pointwise(pw).history(h).diagnostic("first").diagnostic("second")
                .uncertaintyScheme(ResamplingScheme.SUBSAMPLING).seconds(1.5).build();
        assertEquals("test", e.estimator());
        assertEquals(0.2, e.value());
        assertEquals(0.05, e.standardError());
        assertTrue(e.hasStandardError());
        assertEquals(0.01, e.pValue());
        assertTrue(e.hasPValue());
        assertEquals(2, e.n());
        assertEquals(3, e.dx());
        assertEquals(4, e.dy());
        assertEquals(9L, e.seed());
        assertArrayEquals(pw, e.pointwise().orElseThrow());
        assertSame(h, e.history().orElseThrow());
        assertEquals(List.of("first", "second"), e.diagnostics());
        assertEquals(ResamplingScheme.SUBSAMPLING, e.uncertaintyScheme());
        assertEquals(1.5, e.seconds());
        assertEquals(e.toString(), e.toBuilder().build().toString());
        MIEstimate copy = e.toBuilder().diagnostic("third").build();
        assertEquals(List.of("first", "second", "third"), copy.diagnostics());
        assertEquals(List.of("first", "second"), e.diagnostics());
        assertArrayEquals(pw, copy.pointwise().orElseThrow());
    }

    @Test
    void defaultsMeanNotEstimated() {
        Samples x = Samples.of("x", new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Samples y = Samples.of("y", new double[] {1, 2, 3});
        MIEstimate e = MIEstimate.builder("test", -0.01).shape(x, y).build();
        assertTrue(Double.isNaN(e.standardError()));
        assertFalse(e.hasStandardError());
        assertTrue(Double.isNaN(e.pValue()));
        assertFalse(e.hasPValue());
        assertEquals(Seeds.DEFAULT_SEED, e.seed());
        assertTrue(e.pointwise().isEmpty());
        assertTrue(e.history().isEmpty());
        assertTrue(e.diagnostics().isEmpty());
        assertEquals(ResamplingScheme.NONE, e.uncertaintyScheme());
        assertEquals(3, e.n());
        assertEquals(2, e.dx());
        assertEquals(1, e.dy());
        assertEquals(-0.01, e.value());
    }

    @Test
    void nonFiniteValueIsRejectedNamingTheEstimator() {
        IllegalStateException nan = assertThrows(IllegalStateException.class,
                () -> MIEstimate.builder("mine", Double.NaN).build());
        assertTrue(nan.getMessage().contains("'mine'") && nan.getMessage().contains("NaN"), nan::getMessage);
        assertThrows(IllegalStateException.class, () -> MIEstimate.builder("mine", Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> MIEstimate.builder(null, 1).build());
    }

    @Test
    void impossibleErrorsAndPValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MIEstimate.builder("t", 1).standardError(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> MIEstimate.builder("t", 1).pValue(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> MIEstimate.builder("t", 1).pValue(-0.5).build());
        // NaN means "not estimated" and stays allowed
        assertFalse(MIEstimate.builder("t", 1).standardError(Double.NaN).pValue(Double.NaN).build()
                .hasStandardError());
    }

    @Test
    void bitsConvertFromNats() {
        MIEstimate e = MIEstimate.builder("t", Math.log(2)).build();
        assertEquals(1.0, e.bits(), 1e-15);
        assertEquals(3.0, Units.natsToBits(Units.bitsToNats(3.0)), 1e-15);
    }

    @Test
    void normalConfidenceInterval() {
        MIEstimate e = MIEstimate.builder("t", 1.0).standardError(0.1).build();
        double[] ci95 = e.confidenceInterval(0.95);
        // z_{0.975} = 1.959963984540054
        assertEquals(1.0 - 0.1959963984540054, ci95[0], 1e-12);
        assertEquals(1.0 + 0.1959963984540054, ci95[1], 1e-12);
        double[] ci68 = e.confidenceInterval(0.6826894921370859);
        assertEquals(0.9, ci68[0], 1e-12);
        assertEquals(1.1, ci68[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> e.confidenceInterval(1.0));
        assertThrows(IllegalArgumentException.class, () -> e.confidenceInterval(Double.NaN));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> MIEstimate.builder("t", 1).build().confidenceInterval(0.95));
        assertTrue(none.getMessage().contains("no standard error"), none::getMessage);
    }

    @Test
    void pointwiseAndDiagnosticsCannotBeChangedFromOutside() {
        double[] pw = {1, 2};
        MIEstimate e = MIEstimate.builder("t", 1.5).pointwise(pw).diagnostic("d").build();
        pw[0] = 99;
        e.pointwise().orElseThrow()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, e.pointwise().orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> e.diagnostics().add("x"));
    }
}
