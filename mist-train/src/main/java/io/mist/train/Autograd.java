package io.mist.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Gradient recording for the training loop. With the PyTorch engine the loop switches PyTorch's grad mode
 * on once per fit and calls its backward directly, instead of opening a DJL {@link GradientCollector} per
 * step (whose constructor, backward and zeroing add allocations and a scan of all live arrays): this is
 * what {@code PtGradientCollector} does internally, done once. PyTorch's grad mode is thread-local, so this
 * changes nothing for other threads; nothing here touches process-wide engine state. With any other engine
 * the loop falls back to a collector per step. The PyTorch entry points are found by reflection so that
 * this module does not depend on the engine at compile time.
 */
public final class Autograd {
    private static final Method SET_GRAD_MODE;
    private static final Method IS_GRAD_MODE;
    private static final Method BACKWARD;

    static {
        Method set = null;
        Method is = null;
        Method back = null;
        try {
            Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
            Class<?> pt = Class.forName("ai.djl.pytorch.engine.PtNDArray");
            set = jni.getMethod("setGradMode", boolean.class);
            is = jni.getMethod("isGradMode");
            back = jni.getMethod("backward", pt, pt, boolean.class, boolean.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            set = null;
        }
        SET_GRAD_MODE = set;
        IS_GRAD_MODE = is;
        BACKWARD = back;
    }

    private Autograd() {
    }

    /** Whether the fast PyTorch path is available (the default engine is PyTorch). */
    public static boolean direct() {
        return SET_GRAD_MODE != null && "PyTorch".equals(Engine.getInstance().getEngineName());
    }

    /** Sets PyTorch's grad mode for this thread; returns the previous mode. Only with {@link #direct()}. */
    public static boolean setGradMode(boolean on) {
        boolean was = (Boolean) call(IS_GRAD_MODE);
        call(SET_GRAD_MODE, on);
        return was;
    }

    /** Back-propagates {@code loss} with seed gradient {@code ones}; only with {@link #direct()}. */
    public static void backward(NDArray loss, NDArray ones) {
        call(BACKWARD, loss, ones, false, false);
    }

    /**
     * Sets this thread's grad mode to {@code on} until the returned scope closes, which restores the previous
     * mode; does nothing unless {@code direct} (the caller's {@link #direct()}).
     */
    static GradMode gradMode(boolean direct, boolean on) {
        return direct ? new GradMode(setGradMode(on)) : GradMode.NONE;
    }

    /** A grad-mode setting undone on {@link #close()}. */
    static final class GradMode implements AutoCloseable {
        static final GradMode NONE = new GradMode(false);
        private final boolean previous;

        private GradMode(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (this != NONE) {
                setGradMode(previous);
            }
        }
    }

    private static Object call(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IllegalStateException("PyTorch call " + m.getName() + " failed", c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("PyTorch call " + m.getName() + " not accessible", e);
        }
    }
}
