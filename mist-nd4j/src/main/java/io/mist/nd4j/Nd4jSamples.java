package io.mist.nd4j;

import ai.djl.ndarray.types.Shape;
import io.mist.core.Samples;

import java.util.Locale;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ND4J arrays as {@link Samples}: a rank-1 array {@code [n]} is one variable observed {@code n} times (an
 * {@code [n, 1]} matrix), a rank-2 array {@code [n, d]} is {@code n} observations of {@code d} variables, as
 * {@code Samples.of(String, NDArray)} reads a DJL array.
 *
 * <pre>{@code
 * INDArray features = ...;                // [n, d], float or double, from a DL4J/ND4J pipeline
 * MIEstimate r = EstimateMI.estimate(Nd4jSamples.of("x", features), Nd4jSamples.of("y", labels), "ksg");
 * }</pre>
 *
 * <p><b>Copies.</b> {@link Samples} owns its values as a Java {@code double[]} and cannot wrap a buffer it
 * does not own (ND4J's buffers live off the Java heap), so exactly one copy is made, for every array: the
 * values are read once, straight from the array's buffer into the new samples, with no intermediate array
 * ({@link Samples#ofCells}). An array that is neither a view nor in column-major ({@code 'f'}) order is read
 * sequentially from its buffer; a view (a slice, a transpose, a column-major array) is read through its
 * strides, element by element, which is slower but still one copy: neither calls {@code dup()}.
 * {@code float} values are widened to {@code double} during that copy (exactly). The array is not modified.
 *
 * <p><b>Validation.</b> The same checks and messages as {@link Samples}: rank 1 or 2, non-empty, every value
 * finite (the first NaN or infinity is named by row and column); other data types (half, bfloat16,
 * integers, booleans) are refused with a message saying how to cast.
 */
public final class Nd4jSamples {
    private Nd4jSamples() {
    }

    /** Samples from {@code array}, validated under the argument name {@code "data"}. */
    public static Samples of(INDArray array) {
        return of("data", array);
    }

    /**
     * Samples from {@code array}; problems are reported against {@code name} (as {@code "x"}, {@code "y"}
     * or {@code "z"}).
     *
     * @throws IllegalArgumentException if the array is not rank 1 or 2, is empty, is not float or double, or
     *     holds a non-finite value
     */
    public static Samples of(String name, INDArray array) {
        if (array == null) {
            throw fail("%s must not be null", name);
        }
        long[] shape = array.shape();
        if (array.rank() < 1 || array.rank() > 2) {
            throw fail("%s must be a 1-D or 2-D array, got shape %s", name, new Shape(shape));
        }
        if (array.isEmpty() || array.length() == 0) {
            throw fail("%s must be non-empty, got shape %s", name, new Shape(shape));
        }
        DataType type = array.dataType();
        if (type != DataType.DOUBLE && type != DataType.FLOAT) {
            throw fail("%s must hold float or double values, got %s; cast it first with "
                    + "castTo(DataType.DOUBLE)", name, type);
        }
        int n = Math.toIntExact(shape[0]);
        int d = array.rank() == 1 ? 1 : Math.toIntExact(shape[1]);
        if (isDense(array)) {
            DataBuffer buffer = array.data();
            long offset = array.offset();
            return Samples.ofCells(name, n, d, (i, j) -> buffer.getDouble(offset + (long) i * d + j));
        }
        if (array.rank() == 1) {
            return Samples.ofCells(name, n, d, (i, j) -> array.getDouble(i));
        }
        return Samples.ofCells(name, n, d, (i, j) -> array.getDouble(i, j));
    }

    /** A bad-input failure (mist-core's internals are not visible to this module, its messages are). */
    private static IllegalArgumentException fail(String pattern, Object... args) {
        return new IllegalArgumentException(String.format(Locale.ROOT, pattern, args));
    }

    /** Whether the values are stored row-major and contiguously, so they can be read in buffer order. */
    private static boolean isDense(INDArray array) {
        return !array.isView() && array.ordering() == 'c' && array.elementWiseStride() == 1
                && array.data().length() - array.offset() >= array.length();
    }
}
