package io.mist.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionSpecTest {
    private static void rejects(OptionSpec spec, String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.parse("est", text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void integers() {
        OptionSpec k = OptionSpec.ofInt("k", 3, "neighbours");
        assertEquals(OptionType.INT, k.type());
        assertEquals(7, k.parse("est", "7"));
        assertEquals(-2, k.parse("est", " -2 "));
        rejects(k, "3.5", "option 'k' of estimator 'est' expects an integer, got '3.5'");
        rejects(k, "", "option 'k' of estimator 'est' expects an integer, got ''");
        rejects(k, "99999999999", "option 'k' of estimator 'est' expects an integer, got '99999999999'");
        OptionSpec big = OptionSpec.ofLong("steps", 10, "steps");
        assertEquals(99999999999L, big.parse("est", "99999999999"));
        rejects(big, "1e3", "option 'steps' of estimator 'est' expects an integer, got '1e3'");
    }

    @Test
    void doublesMustBeFinite() {
        OptionSpec lr = OptionSpec.ofDouble("lr", 5e-4, "learning rate");
        assertEquals(5e-4, lr.parse("est", "5e-4"));
        assertEquals(2.0, lr.parse("est", "2"));
        rejects(lr, "fast", "option 'lr' of estimator 'est' expects a number, got 'fast'");
        rejects(lr, "NaN", "option 'lr' of estimator 'est' expects a number, got 'NaN'");
        rejects(lr, "Infinity", "option 'lr' of estimator 'est' expects a number, got 'Infinity'");
        assertEquals("5.0E-4", lr.defaultValue());
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        OptionSpec b = OptionSpec.ofBoolean("miller_madow", true, "correction");
        assertEquals(true, b.parse("est", "TRUE"));
        assertEquals(false, b.parse("est", "false"));
        rejects(b, "yes", "option 'miller_madow' of estimator 'est' expects true or false, got 'yes'");
        rejects(b, "1", "option 'miller_madow' of estimator 'est' expects true or false, got '1'");
    }

    @Test
    void choicesListTheAllowedWords() {
        OptionSpec c = OptionSpec.ofChoice("critic", "joint", "critic type", "joint", "separable");
        assertEquals("separable", c.parse("est", "separable"));
        assertEquals(List.of("joint", "separable"), c.choices());
        rejects(c, "deep", "option 'critic' of estimator 'est' must be one of [joint, separable], got 'deep'");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> OptionSpec.ofChoice("critic", "other", "critic type", "joint", "separable"));
        assertTrue(bad.getMessage().contains("(default)") && bad.getMessage().contains("'other'"), bad::getMessage);
    }

    @Test
    void integerListsAndStrings() {
        OptionSpec h = OptionSpec.ofIntList("hidden_dims", List.of(64, 64), "layers");
        assertEquals("64,64", h.defaultValue());
        assertEquals(List.of(128, 32, 8), h.parse("est", "128, 32,8"));
        assertEquals(List.of(), h.parse("est", ""));
        rejects(h, "64,,64", "option 'hidden_dims' of estimator 'est' expects a comma-separated list of integers, "
                + "got '64,,64'");
        rejects(h, "64;64", "option 'hidden_dims' of estimator 'est' expects a comma-separated list of integers, "
                + "got '64;64'");
        OptionSpec s = OptionSpec.ofString("path", "", "a path");
        assertEquals("a b", s.parse("est", " a b "));
    }

    @Test
    void defaultsAreValidatedAndDescribed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OptionSpec("k", OptionType.INT, "x", "d", List.of()));
        assertEquals("option 'k' of estimator '(default)' expects an integer, got 'x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OptionSpec(null, OptionType.INT, "1", "d", List.of()));
        assertEquals("k=3 (int): neighbours", OptionSpec.ofInt("k", 3, "neighbours").describe());
        assertEquals("critic=joint (joint|separable): critic type",
                OptionSpec.ofChoice("critic", "joint", "critic type", "joint", "separable").describe());
    }

    @Test
    void parsedOptionsCarryDefaultsGivenValuesAndSeed() {
        List<OptionSpec> specs = List.of(OptionSpec.ofInt("k", 3, "k"), OptionSpec.ofLong("steps", 10, "s"),
                OptionSpec.ofDouble("lr", 0.1, "lr"), OptionSpec.ofBoolean("flag", false, "f"),
                OptionSpec.ofChoice("mode", "a", "m", "a", "b"), OptionSpec.ofIntList("dims", List.of(4, 4), "d"),
                OptionSpec.ofString("tag", "t", "tag"));
        EstimatorOptions o = EstimatorOptions.parse("est", specs, Map.of("k", "5", "dims", "8"), 17);
        assertEquals("est", o.estimator());
        assertEquals(17L, o.seed());
        assertEquals(5, o.getInt("k"));
        assertEquals(10L, o.getLong("steps"));
        assertEquals(0.1, o.getDouble("lr"));
        assertFalse(o.getBoolean("flag"));
        assertEquals("a", o.getString("mode"));
        assertEquals(List.of(8), o.getIntList("dims"));
        assertEquals("t", o.getString("tag"));
        assertTrue(o.isGiven("k"));
        assertFalse(o.isGiven("lr"));
        assertThrows(UnsupportedOperationException.class, () -> o.getIntList("dims").set(0, 99));
        IllegalStateException undeclared = assertThrows(IllegalStateException.class, () -> o.getInt("j"));
        assertTrue(undeclared.getMessage().contains("undeclared option 'j'"), undeclared::getMessage);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EstimatorOptions.parse("est", specs, Map.of("learning_rate", "1"), 1));
        assertEquals("unknown option 'learning_rate' for estimator 'est'; valid options: k, steps, lr, flag, mode, "
                + "dims, tag", unknown.getMessage());
    }
}
