package io.mist.estimators.latent;

import io.mist.core.Samples;
import io.mist.core.internal.Checks;
import io.mist.estimators.nonparametric.KsgEstimator;

import java.util.Arrays;

/**
 * What a latent-MI estimate was computed from (get it with {@code estimate.model(LatentMiModel.class)}): the
 * trained encoders with the input scaling, the embeddings of every row, which rows were held out, the pointwise
 * MI of the held-out rows, and the KSG reference sample (the held-out latent pairs) for the pointwise MI of new
 * rows. Held in JVM arrays (no native memory); immutable.
 *
 * <p><b>Pointwise values are defined on held-out rows only.</b> {@link #pointwiseByRow()} is NaN on the rows that
 * trained the encoders (latentmi's convention), and {@link #isHeldOut} says which are which; the estimate's own
 * {@code pointwise()} holds the held-out rows' values in {@link #heldOutRows()} order, so their mean is the
 * estimate.
 */
public final class LatentMiModel {
    private final ColumnScaler scaleX;
    private final ColumnScaler scaleY;
    private final LatentEncoder encoderX;
    private final LatentEncoder encoderY;
    private final double[][] zx;
    private final double[][] zy;
    private final int[] heldOut;
    private final boolean[] held;
    private final double[] pointwiseByRow;
    private final KsgEstimator ksg;
    private final Samples referenceX;
    private final Samples referenceY;
    private final Regularizer regularizer;

    LatentMiModel(ColumnScaler scaleX, ColumnScaler scaleY, LatentEncoder encoderX, LatentEncoder encoderY,
            double[][] zx, double[][] zy, int[] heldOut, double[] heldPointwise, KsgEstimator ksg,
            Regularizer regularizer) {
        this.scaleX = scaleX;
        this.scaleY = scaleY;
        this.encoderX = encoderX;
        this.encoderY = encoderY;
        this.zx = zx;
        this.zy = zy;
        this.heldOut = heldOut.clone();
        this.held = new boolean[zx.length];
        this.pointwiseByRow = new double[zx.length];
        Arrays.fill(pointwiseByRow, Double.NaN);
        double[][] rx = new double[heldOut.length][];
        double[][] ry = new double[heldOut.length][];
        for (int r = 0; r < heldOut.length; r++) {
            held[heldOut[r]] = true;
            pointwiseByRow[heldOut[r]] = heldPointwise[r];
            rx[r] = zx[heldOut[r]];
            ry[r] = zy[heldOut[r]];
        }
        this.ksg = ksg;
        this.referenceX = Samples.of("referenceX", rx);
        this.referenceY = Samples.of("referenceY", ry);
        this.regularizer = regularizer;
    }

    /** Rows of the data the model was fitted on. */
    public int n() {
        return zx.length;
    }

    /** Latent dimensions of each variable ({@code n_dims}). */
    public int latentDim() {
        return encoderX.outputDim();
    }

    /** The regulariser it was trained with. */
    public Regularizer regularizer() {
        return regularizer;
    }

    /** Trainable scalars of the two encoders (the decoders and critics are not kept). */
    public int encoderParameterCount() {
        return encoderX.parameterCount() + encoderY.parameterCount();
    }

    /** The x embedding of every row, {@code [n, n_dims]} (a copy). */
    public double[][] embeddingX() {
        return copy(zx);
    }

    /** The y embedding of every row, {@code [n, n_dims]} (a copy). */
    public double[][] embeddingY() {
        return copy(zy);
    }

    /** Whether row {@code i} was held out (its pointwise value is defined) rather than used for training. */
    public boolean isHeldOut(int i) {
        return held[i];
    }

    /** The held-out rows, ascending (a copy); the estimate's pointwise values are in this order. */
    public int[] heldOutRows() {
        return heldOut.clone();
    }

    /** Pointwise MI of every row in nats, NaN on the training rows (a copy). */
    public double[] pointwiseByRow() {
        return pointwiseByRow.clone();
    }

    /**
     * Encodes new x rows with the trained encoder (the fitted scaling and clipping first).
     *
     * @throws IllegalArgumentException if {@code x} has another number of columns than the fitted x
     */
    public double[][] encodeX(Samples x) {
        return encode("x", x, scaleX, encoderX);
    }

    /**
     * Encodes new y rows with the trained encoder (the fitted scaling and clipping first).
     *
     * @throws IllegalArgumentException if {@code y} has another number of columns than the fitted y
     */
    public double[][] encodeY(Samples y) {
        return encode("y", y, scaleY, encoderY);
    }

    /**
     * Pointwise MI of new rows against the fitted sample, in nats: both variables encoded, then
     * {@link KsgEstimator#outOfSamplePointwise} against the held-out latent pairs that gave the estimate
     * (latentmi's {@code out_of_sample_pmi}). Their mean over fresh rows of the same distribution estimates the
     * latent MI.
     *
     * @throws IllegalArgumentException if the row counts differ or the dimensions are not the fitted ones
     */
    public double[] outOfSamplePointwise(Samples x, Samples y) {
        Checks.notNull("x", x);
        Checks.notNull("y", y);
        Checks.sameRows("x", x, "y", y);
        return ksg.outOfSamplePointwise(referenceX, referenceY, Samples.of("x latents", encodeX(x)),
                Samples.of("y latents", encodeY(y)));
    }

    private static double[][] encode(String name, Samples s, ColumnScaler scale, LatentEncoder enc) {
        Checks.notNull(name, s);
        if (s.dim() != enc.inputDim()) {
            throw Checks.fail("%s has %d columns but the model was fitted on %d", name, s.dim(), enc.inputDim());
        }
        double[][] out = new double[s.n()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = enc.encode(scale.row(s, i));
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
