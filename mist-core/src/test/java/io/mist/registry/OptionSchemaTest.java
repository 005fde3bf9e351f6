package io.mist.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.core.internal.Checks;
import io.mist.core.InvalidOptionException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The option description: one line per option, typed values onto a builder, parts of larger builders. */
class OptionSchemaTest {
    enum Mode {
        FAST, SLOW_AND_SURE
    }

    static final class Part {
        double lr;
    }

    static final class Toy {
        int k;
        boolean flag;
        List<Integer> dims;
        Mode mode;
        final Part part = new Part();
    }

    static final OptionSchema<Part> PART = OptionSchema.of(OptionSchema.doubleOption("lr", 0.5, "rate",
            (p, v) -> p.lr = Checks.positive("lr", v)));
    static final OptionSchema<Toy> TOY = OptionSchema.<Toy>of(
            OptionSchema.intOption("k", 3, "neighbours", (t, v) -> t.k = v),
            OptionSchema.booleanOption("flag", true, "a flag", (t, v) -> t.flag = v),
            OptionSchema.intListOption("dims", List.of(4, 2), "sizes", (t, v) -> t.dims = v),
            OptionSchema.choiceOption("mode", Mode.FAST, "how", (t, v) -> t.mode = v))
            .and(PART.on(t -> t.part));

    @Test
    void describesEachOptionOnceAndAppliesTypedValues() {
        assertEquals(List.of("k", "flag", "dims", "mode", "lr"), TOY.specs().stream().map(OptionSpec::name).toList());
        assertEquals("mode=fast (fast|slow_and_sure): how", TOY.specs().get(3).describe());
        assertEquals("4,2", TOY.specs().get(2).defaultValue());
        Toy d = TOY.apply(EstimatorOptions.parse("toy", TOY.specs(), Map.of(), 1), new Toy());
        assertEquals(3, d.k);
        assertTrue(d.flag);
        assertEquals(List.of(4, 2), d.dims);
        assertEquals(Mode.FAST, d.mode);
        assertEquals(0.5, d.part.lr);
        Toy g = TOY.apply(EstimatorOptions.parse("toy", TOY.specs(), Map.of("mode", "slow_and_sure", "lr", "0.1",
                "dims", "8"), 1), new Toy());
        assertEquals(Mode.SLOW_AND_SURE, g.mode);
        assertEquals(0.1, g.part.lr);
        assertEquals(List.of(8), g.dims);
    }

    @Test
    void failuresCarryTheOptionName() {
        InvalidOptionException range = assertThrows(InvalidOptionException.class,
                () -> TOY.apply(EstimatorOptions.parse("toy", TOY.specs(), Map.of("lr", "-1"), 1), new Toy()));
        assertEquals("lr", range.option());
        assertEquals("option 'lr' of estimator 'toy': lr must be a finite positive number, got -1.0",
                range.forEstimator("toy").getMessage());
        InvalidOptionException type = assertThrows(InvalidOptionException.class,
                () -> EstimatorOptions.parse("toy", TOY.specs(), Map.of("k", "three"), 1));
        assertEquals("k", type.option());
        InvalidOptionException unknown = assertThrows(InvalidOptionException.class,
                () -> EstimatorOptions.parse("toy", TOY.specs(), Map.of("kk", "3"), 1));
        assertEquals("kk", unknown.option());
        assertThrows(IllegalStateException.class, () -> TOY.and(OptionSchema.intOption("k", 1, "again",
                (t, v) -> t.k = v)));
        assertEquals(Runtime.getRuntime().availableProcessors(), Checks.threads("threads", 0));
        assertEquals("threads", assertThrows(InvalidOptionException.class, () -> Checks.threads("threads", -1))
                .option());
    }

    @Test
    void capabilitiesAreTyped() {
        Capabilities c = Capabilities.continuous().withTraining().withPointwise();
        assertTrue(c.trains() && c.pointwise());
        assertFalse(c.conditional() || c.ownUncertainty());
        assertEquals(java.util.Set.of(DataKind.CONTINUOUS), c.inputKinds());
        assertEquals(java.util.Set.of(DataKind.CONTINUOUS, DataKind.DISCRETE),
                c.withInputs(DataKind.DISCRETE, DataKind.CONTINUOUS).inputKinds());
        EstimatorOptions o = EstimatorOptions.parse("toy", TOY.specs(), Map.of(), 1).withReplicates(7);
        assertEquals(7, o.replicates());
    }
}
