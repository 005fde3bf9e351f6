package io.mist.estimators.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import io.mist.core.Checks;
import io.mist.train.Autograd;

import java.util.ArrayList;
import java.util.List;

/**
 * All parameters of a network in one flat float32 array with gradients attached; each layer's weight or bias
 * is a view (a slice reshaped) made once; ops must take views as arguments, never as receivers (results
 * belong to the receiver's manager). One array means one optimiser
 * update and one gradient for the whole model, which is what makes the training loop fast.
 */
public final class FlatParameters implements AutoCloseable {
    private final NDArray flat;
    private final Shape[] shapes;
    private final int[] offsets;
    private final NDIndex[] slices;
    private final NDArray[] views;

    /** The shapes of the parameters, registered before the array is made. Not thread-safe. */
    public static final class Layout {
        private final List<long[]> shapes = new ArrayList<>();

        /** Registers a parameter of {@code shape}; returns its id. */
        public int add(long... shape) {
            for (long s : shape) {
                Checks.atLeast("parameter dimension", (int) s, 1);
            }
            shapes.add(shape.clone());
            return shapes.size() - 1;
        }

        /** Number of registered parameters. */
        public int count() {
            return shapes.size();
        }

        /** Total number of scalars. */
        public int size() {
            long n = 0;
            for (long[] s : shapes) {
                n += new Shape(s).size();
            }
            return Math.toIntExact(n);
        }

        /** Offset of parameter {@code id} in the flat array. */
        public int offset(int id) {
            int o = 0;
            for (int i = 0; i < id; i++) {
                o += (int) new Shape(shapes.get(i)).size();
            }
            return o;
        }

        /** Shape of parameter {@code id}. */
        public long[] shape(int id) {
            return shapes.get(id).clone();
        }
    }

    /**
     * Creates the flat array in {@code manager} from {@code values} (length {@link Layout#size()}) and
     * attaches a gradient to it.
     */
    public FlatParameters(Layout layout, float[] values, NDManager manager) {
        if (values.length != layout.size()) {
            throw Checks.fail("values has %d entries but the layout needs %d", values.length, layout.size());
        }
        int k = layout.count();
        this.shapes = new Shape[k];
        this.offsets = new int[k];
        this.slices = new NDIndex[k];
        for (int i = 0; i < k; i++) {
            shapes[i] = new Shape(layout.shape(i));
            offsets[i] = layout.offset(i);
            slices[i] = new NDIndex("{}:{}", offsets[i], offsets[i] + shapes[i].size());
        }
        this.flat = manager.create(values);
        flat.setRequiresGradient(true);
        // Views made once, with gradient recording on, stay connected to the flat array's gradient: PyTorch
        // regenerates a view's backward node after the optimiser's in-place update of its base (version
        // counter), so per-step slicing is unnecessary.
        this.views = new NDArray[k];
        boolean direct = Autograd.direct();
        boolean was = direct && Autograd.setGradMode(true);
        try {
            for (int i = 0; i < k; i++) {
                views[i] = flat.get(slices[i]).reshape(shapes[i]);
            }
        } finally {
            if (direct) {
                Autograd.setGradMode(was);
            }
        }
    }

    /** The flat parameter array. */
    public NDArray array() {
        return flat;
    }

    /** Offset of parameter {@code id}. */
    public int offset(int id) {
        return offsets[id];
    }

    /** Shape of parameter {@code id}. */
    public Shape shape(int id) {
        return shapes[id];
    }

    /**
     * The view of parameter {@code id} owned by {@code step}; views are made once per manager (per step) and
     * are connected to the flat array's gradient.
     */
    public NDArray view(int id, NDManager step) {
        return views[id];
    }

    @Override
    public void close() {
        for (NDArray v : views) {
            v.close();
        }
        flat.close();
    }
}
