package io.mist.estimators.discriminative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import io.mist.core.Distribution;
import io.mist.core.internal.Checks;
import io.mist.core.internal.Matrices;
import io.mist.core.internal.Seeds;
import io.mist.data.PairedData;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A fixed reference distribution of MI-NEE, fitted to one side (x or y) of the rows it trains on: the
 * Gaussian {@code N(m, S)} of their mean and covariance (a ridge of {@code 1e-6} times the mean variance
 * keeps {@code S} positive definite), or the uniform distribution on their bounding box. Sampled on the JVM
 * from the given seed. Immutable.
 */
final class Reference implements Distribution {
    private static final int CHUNK = 4096;
    private static final double RIDGE = 1e-6;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final ReferenceType type;
    private final int d;
    private final double[] mean;
    private final double[][] chol;
    private final double[] lo;
    private final double[] hi;

    private Reference(ReferenceType type, double[] mean, double[][] chol, double[] lo, double[] hi) {
        this.type = type;
        this.d = mean.length;
        this.mean = mean;
        this.chol = chol;
        this.lo = lo;
        this.hi = hi;
    }

    /** The reference of {@code type} fitted to the x ({@code xSide}) or y columns of {@code data}, read in chunks. */
    static Reference fit(ReferenceType type, PairedData data, boolean xSide) {
        int n = data.size();
        int d = xSide ? data.dimX() : data.dimY();
        double[] sum = new double[d];
        double[][] cross = new double[d][d];
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        float[] x = new float[CHUNK * data.dimX()];
        float[] y = new float[CHUNK * data.dimY()];
        double[] shift = null;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            int[] rows = new int[len];
            for (int i = 0; i < len; i++) {
                rows[i] = start + i;
            }
            data.read(rows, x, y);
            float[] v = xSide ? x : y;
            if (shift == null) {
                shift = new double[d]; // the first row: centring by it keeps the one-pass sums accurate
                for (int j = 0; j < d; j++) {
                    shift[j] = v[j];
                }
            }
            for (int i = 0; i < len; i++) {
                for (int j = 0; j < d; j++) {
                    double a = v[i * d + j];
                    lo[j] = Math.min(lo[j], a);
                    hi[j] = Math.max(hi[j], a);
                    double ca = a - shift[j];
                    sum[j] += ca;
                    for (int k = 0; k <= j; k++) {
                        cross[j][k] += ca * (v[i * d + k] - shift[k]);
                    }
                }
            }
        }
        double[] mean = new double[d];
        double[][] cov = new double[d][d];
        double meanVar = 0;
        for (int j = 0; j < d; j++) {
            mean[j] = shift[j] + sum[j] / n;
            for (int k = 0; k <= j; k++) {
                cov[j][k] = cross[j][k] / n - (sum[j] / n) * (sum[k] / n);
                cov[k][j] = cov[j][k];
            }
            meanVar += cov[j][j] / d;
        }
        if (!(meanVar > 0)) {
            throw Checks.fail("mi-nee: the %s columns are constant; a reference distribution needs spread",
                    xSide ? "x" : "y");
        }
        for (int j = 0; j < d; j++) {
            cov[j][j] += RIDGE * meanVar;
        }
        return new Reference(type, mean, type == ReferenceType.GAUSSIAN ? Matrices.cholesky(cov) : null, lo, hi);
    }

    @Override
    public int dim() {
        return d;
    }

    /** {@code n} draws {@code [n, d]} from the seed's own generator. */
    @Override
    public NDArray sample(NDManager manager, int n, long seed) {
        UniformRandomProvider rng = Seeds.rng(seed);
        float[] out = new float[n * d];
        if (type == ReferenceType.UNIFORM) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    out[i * d + j] = (float) (lo[j] + (hi[j] - lo[j]) * rng.nextDouble());
                }
            }
        } else {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] z = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    z[j] = g.sample();
                }
                for (int j = 0; j < d; j++) {
                    double v = mean[j];
                    for (int k = 0; k <= j; k++) {
                        v += chol[j][k] * z[k];
                    }
                    out[i * d + j] = (float) v;
                }
            }
        }
        return manager.create(out, new Shape(n, d));
    }

    /** The exact log-density of each row (computed on the JVM in double, returned as float32 {@code [B]}). */
    @Override
    public NDArray logProb(NDArray y) {
        float[] v = y.toFloatArray();
        int n = v.length / d;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double lp = 0;
            if (type == ReferenceType.UNIFORM) {
                for (int j = 0; j < d; j++) {
                    double a = v[i * d + j];
                    lp += a >= lo[j] && a <= hi[j] ? -Math.log(hi[j] - lo[j]) : Double.NEGATIVE_INFINITY;
                }
            } else {
                double[] z = new double[d]; // z = L^-1 (v - m) by forward substitution
                for (int j = 0; j < d; j++) {
                    double s = v[i * d + j] - mean[j];
                    for (int k = 0; k < j; k++) {
                        s -= chol[j][k] * z[k];
                    }
                    z[j] = s / chol[j][j];
                    lp -= 0.5 * z[j] * z[j] + Math.log(chol[j][j]) + 0.5 * LOG_2PI;
                }
            }
            out[i] = (float) lp;
        }
        return y.getManager().create(out);
    }

    @Override
    public NDList parameters() {
        return new NDList();
    }
}
