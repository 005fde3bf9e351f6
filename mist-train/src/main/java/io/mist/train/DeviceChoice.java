package io.mist.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

import io.mist.core.internal.Checks;

/** Where a fit runs (option {@code device}): resolved against the engine when a fit starts. */
public enum DeviceChoice {
    /** The CPU. */
    CPU,
    /** The first GPU; an error when the engine sees none (never a silent fall-back). */
    GPU,
    /** A GPU when the engine sees one, else the CPU. */
    AUTO;

    /**
     * The device.
     *
     * @throws io.mist.core.InvalidOptionException naming {@code device} for {@link #GPU} without a GPU
     */
    public Device resolve() {
        switch (this) {
            case GPU:
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw Checks.invalid("device", "device=gpu requested but the engine sees no GPU; use device=cpu "
                            + "or device=auto");
                }
                return Device.gpu();
            case AUTO:
                return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            case CPU:
            default:
                return Device.cpu();
        }
    }
}
