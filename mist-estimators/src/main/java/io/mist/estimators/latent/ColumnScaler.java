package io.mist.estimators.latent;

import io.mist.core.Samples;

/**
 * latentmi's input scaling: each column centred and divided by its standard deviation (denominator n, as
 * NumPy), the statistics taken from the training rows, then clipped to {@code [-clip, clip]}. A column that is
 * constant on the training rows becomes 0 (latentmi's {@code nan_to_num}); the count is reported. Immutable.
 */
final class ColumnScaler {
    private final double[] mean;
    private final double[] sd;
    private final double clip;
    private final int constant;

    private ColumnScaler(double[] mean, double[] sd, double clip, int constant) {
        this.mean = mean;
        this.sd = sd;
        this.clip = clip;
        this.constant = constant;
    }

    /** The statistics of {@code rows} of {@code s}. */
    static ColumnScaler fit(Samples s, int[] rows, double clip) {
        int d = s.dim();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += s.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                double t = s.get(i, j) - mean[j];
                sd[j] += t * t;
            }
        }
        int constant = 0;
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / rows.length);
            if (!(sd[j] > 0 && Double.isFinite(sd[j]))) {
                sd[j] = 0;
                constant++;
            }
        }
        return new ColumnScaler(mean, sd, clip, constant);
    }

    /** Columns constant on the training rows (mapped to 0). */
    int constantColumns() {
        return constant;
    }

    /** Row {@code i} of {@code s}, scaled and clipped. */
    double[] row(Samples s, int i) {
        double[] out = new double[mean.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = sd[j] == 0 ? 0 : Math.max(-clip, Math.min(clip, (s.get(i, j) - mean[j]) / sd[j]));
        }
        return out;
    }

    /** All rows of {@code s}, scaled and clipped, row-major. */
    double[] all(Samples s) {
        int d = mean.length;
        double[] out = new double[s.n() * d];
        for (int i = 0; i < s.n(); i++) {
            System.arraycopy(row(s, i), 0, out, i * d, d);
        }
        return out;
    }
}
