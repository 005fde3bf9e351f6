package io.mist.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void sameSeedAndStreamGiveTheSameSequence() {
        assertEquals(Seeds.rng(5).nextLong(), Seeds.rng(5).nextLong());
        assertEquals(Seeds.rng(5, 2).nextLong(), Seeds.rng(5, 2).nextLong());
        assertNotEquals(Seeds.rng(5).nextLong(), Seeds.rng(6).nextLong());
        assertNotEquals(Seeds.rng(5, 1).nextLong(), Seeds.rng(5, 2).nextLong());
        assertNotEquals(Seeds.derive(5, 0), Seeds.derive(5, 1));
        assertEquals(Seeds.derive(5, 3), Seeds.derive(5, 3));
    }

    @Test
    void permutationsArePermutations() {
        int[] p = Seeds.permutation(1000, Seeds.rng(1));
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p, Seeds.permutation(1000, Seeds.rng(1)));
        assertNotEquals(Arrays.toString(p), Arrays.toString(Seeds.permutation(1000, Seeds.rng(2))));
    }

    @Test
    void checksNameTheArgumentAndRejectNaN() {
        assertEquals("k must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Checks.atLeast("k", 0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.positive("lr", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive("lr", 0));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative("w", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("p", Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.inOpenRange("rho", 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.finite("v", Double.NEGATIVE_INFINITY));
        assertEquals(0.5, Checks.inRange("p", 0.5, 0, 1));
        assertEquals("1,5", Checks.format("%d,%d", 1, 5));
    }
}
