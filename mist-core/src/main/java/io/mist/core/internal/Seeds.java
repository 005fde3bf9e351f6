package io.mist.core.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded randomness. Every stochastic step in mist-jvm derives its generator from the call's seed and a
 * stream index, so that parallel work is reproducible regardless of scheduling. The library's streams are
 * named in {@link RandomStream}; the raw {@code long} stream ids are for the ground-truth tasks.
 */
public final class Seeds {
    /** The seed used when a caller gives none; it is recorded in every result. */
    public static final long DEFAULT_SEED = 42L;

    private Seeds() {
    }

    /** A generator for {@code seed}. */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(mix(seed));
    }

    /** A generator for stream {@code stream} of {@code seed}, independent of other streams. */
    public static UniformRandomProvider rng(long seed, long stream) {
        return rng(derive(seed, stream));
    }

    /** A generator for {@code stream} of {@code seed} (its first sub-stream). */
    public static UniformRandomProvider rng(long seed, RandomStream stream) {
        return rng(seed, stream, 0);
    }

    /** A generator for sub-stream {@code index} of {@code stream} of {@code seed}. */
    public static UniformRandomProvider rng(long seed, RandomStream stream, long index) {
        return rng(derive(seed, stream, index));
    }

    /** Derives the seed of sub-stream {@code index} of {@code stream}. */
    public static long derive(long seed, RandomStream stream, long index) {
        long base = stream == RandomStream.PERMUTATION ? seed ^ RandomStream.PERMUTATION_SALT : seed;
        long id = stream.id(index);
        return derive(base, stream == RandomStream.PERMUTATION ? id - stream.first() : id);
    }

    /** Derives the seed of stream {@code stream} from {@code seed} (SplitMix64 finaliser). */
    public static long derive(long seed, long stream) {
        return mix(seed + 0x9E3779B97F4A7C15L * (stream + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
    public static int[] permutation(int n, UniformRandomProvider rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
