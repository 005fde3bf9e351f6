package io.mist.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RandomStreamTest {
    @Test
    void noTwoStreamsShareAnId() {
        RandomStream[] all = RandomStream.values();
        for (int a = 0; a < all.length; a++) {
            for (int b = a + 1; b < all.length; b++) {
                assertFalse(all[a].overlaps(all[b]), all[a] + " overlaps " + all[b]);
            }
        }
    }

    @Test
    void overlapIsDetected() {
        assertFalse(RandomStream.KNN_NOISE.overlaps(RandomStream.RESAMPLING));
        assertEquals(true, RandomStream.RESAMPLING.overlaps(RandomStream.RESAMPLING));
    }

    /** The collision this enum removed: k-NN noise of block 0 was the generator of subsampling round 0. */
    @Test
    void knnNoiseIsNotResamplingRoundZero() {
        long seed = 42;
        assertNotEquals(Seeds.rng(seed, RandomStream.KNN_NOISE, 0).nextLong(),
                Seeds.rng(seed, RandomStream.RESAMPLING, 0).nextLong());
    }

    @Test
    void subStreamsAreDistinctAndReproducible() {
        assertNotEquals(Seeds.derive(7, RandomStream.KNN_NOISE, 0), Seeds.derive(7, RandomStream.KNN_NOISE, 1));
        assertEquals(Seeds.derive(7, RandomStream.GMM_BOOTSTRAP, 3), Seeds.derive(7, RandomStream.GMM_BOOTSTRAP, 3));
    }

    @Test
    void indexOutsideTheRangeFails() {
        assertThrows(IllegalArgumentException.class, () -> RandomStream.KNN_NOISE.id(16));
        assertThrows(IllegalArgumentException.class, () -> RandomStream.TRAIN_SPLIT.id(-1));
    }
}
