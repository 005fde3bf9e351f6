package io.mist.data;

/** Pairs held in float32 row-major arrays (see {@link PairedData#of}). */
final class InMemoryData implements PairedData {
    private final float[] x;
    private final float[] y;
    private final int n;
    private final int dx;
    private final int dy;

    InMemoryData(float[] x, float[] y, int n, int dx, int dy) {
        this.x = x;
        this.y = y;
        this.n = n;
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public int dimX() {
        return dx;
    }

    @Override
    public int dimY() {
        return dy;
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public void read(int[] rows, float[] xo, float[] yo) {
        PairedData.checkRead(this, rows, xo, yo);
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(x, rows[k] * dx, xo, k * dx, dx);
            System.arraycopy(y, rows[k] * dy, yo, k * dy, dy);
        }
    }
}
