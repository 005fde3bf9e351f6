package io.mist.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Gradient recording for the training loop. With the PyTorch engine the loop switches PyTorch's grad mode
 * on once per fit and calls its backward directly, instead of opening a DJL {@link GradientCollector} per
 * step (whose constructor, backward and zeroing add allocations and a scan of all live arrays): this is
 * what {@code PtGradientCollector} does internally, done once. PyTorch's grad mode is thread-local, so this
 * changes nothing for other threads; nothing here touches process-wide engine state. With any other engine
 * the loop falls back to a collector per step. The PyTorch entry points are found by reflection so that
 * this module does not depend on the engine at compile time.
 */
final class Autograd {
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
     * Runs {@code body} with this thread's grad mode set to {@code on}, then restores the previous mode; with
     * {@code direct} false (the caller's {@link #direct()}) just runs it.
     */
    static <T> T withGradMode(boolean direct, boolean on, Supplier<T> body) {
        if (!direct) {
            return body.get();
        }
        boolean was = setGradMode(on);
        try {
            return body.get();
        } finally {
            setGradMode(was);
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
