package io.mist.data;

import io.mist.core.internal.Checks;

/** A view of some rows of another {@link PairedData}, in a given order. */
final class SubsetData implements PairedData {
    private final PairedData base;
    private final int[] rows;

    SubsetData(PairedData base, int[] rows) {
        this.base = base;
        this.rows = rows.clone();
        for (int r : this.rows) {
            if (r < 0 || r >= base.size()) {
                throw Checks.fail("subset row %d outside [0, %d)", r, base.size());
            }
        }
    }

    @Override
    public int size() {
        return rows.length;
    }

    @Override
    public int dimX() {
        return base.dimX();
    }

    @Override
    public int dimY() {
        return base.dimY();
    }

    @Override
    public boolean inMemory() {
        return base.inMemory();
    }

    @Override
    public void read(int[] idx, float[] x, float[] y) {
        PairedData.checkRead(this, idx, x, y);
        int[] mapped = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            mapped[k] = rows[idx[k]];
        }
        base.read(mapped, x, y);
    }
}
