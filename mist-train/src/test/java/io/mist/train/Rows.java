package io.mist.train;

import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test data: one x column with the given values, one y column of zeros, in memory (uploaded once by the
 * trainer) or not (read batch by batch).
 */
record Rows(float[] x, boolean inMemory) implements PairedData {
    /** {@code n} rows whose x is {@code c}. */
    static Rows constant(int n, float c) {
        float[] x = new float[n];
        Arrays.fill(x, c);
        return new Rows(x, true);
    }

    /** {@code n} rows of x uniform in [0, 2), drawn from {@code seed}. */
    static Rows uniform(int n, long seed) {
        UniformRandomProvider r = Seeds.rng(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (2 * r.nextDouble());
        }
        return new Rows(x, true);
    }

    /** The same rows, read batch by batch. */
    Rows streamed() {
        return new Rows(x, false);
    }

    @Override
    public int size() {
        return x.length;
    }

    @Override
    public int dimX() {
        return 1;
    }

    @Override
    public int dimY() {
        return 1;
    }

    @Override
    public void read(int[] rows, float[] xo, float[] yo) {
        PairedData.checkRead(this, rows, xo, yo);
        for (int k = 0; k < rows.length; k++) {
            xo[k] = x[rows[k]];
            yo[k] = 0f;
        }
    }
}
