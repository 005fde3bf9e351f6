package io.mist.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Gradient recording for the training loop. With the PyTorch engine the loop switches PyTorch's
 * (thread-local) grad mode on once per fit and calls its backward directly, instead of opening a DJL
 * {@link GradientCollector} per step (whose constructor, backward and zeroing add allocations and a scan
 * of all live arrays): this is what {@code PtGradientCollector} does internally, done once. With any other
 * engine it falls back to a collector per step. The PyTorch entry points are found by reflection so that
 * this module does not depend on the engine at compile time.
 */
public final class Autograd {
    private static final Method SET_GRAD_MODE;
    private static final Method IS_GRAD_MODE;
    private static final Method BACKWARD;
    private static final Method SET_THREADS;
    private static final Method GET_THREADS;

    static {
        Method set = null;
        Method is = null;
        Method back = null;
        Method setThreads = null;
        Method getThreads = null;
        try {
            Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
            Class<?> pt = Class.forName("ai.djl.pytorch.engine.PtNDArray");
            set = jni.getMethod("setGradMode", boolean.class);
            is = jni.getMethod("isGradMode");
            back = jni.getMethod("backward", pt, pt, boolean.class, boolean.class);
            setThreads = jni.getMethod("setNumThreads", int.class);
            getThreads = jni.getMethod("getNumThreads");
        } catch (ReflectiveOperationException | LinkageError e) {
            set = null;
        }
        SET_GRAD_MODE = set;
        IS_GRAD_MODE = is;
        BACKWARD = back;
        SET_THREADS = setThreads;
        GET_THREADS = getThreads;
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

    /** PyTorch intra-op threads, or -1 when not on PyTorch. */
    public static int threads() {
        return GET_THREADS == null ? -1 : (Integer) call(GET_THREADS);
    }

    /** Sets PyTorch intra-op threads (a process-wide setting); ignored when not on PyTorch. */
    public static void setThreads(int n) {
        if (SET_THREADS != null && n > 0) {
            call(SET_THREADS, n);
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
