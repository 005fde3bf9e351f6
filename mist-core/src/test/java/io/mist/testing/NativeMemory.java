package io.mist.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process (Linux {@code /proc/self/status}), for leak tests of native memory. */
public final class NativeMemory {
    private NativeMemory() {
    }

    /** Resident set size in bytes, or -1 where {@code /proc} is not available. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Resident bytes outside the Java heap: {@link #settledResidentBytes()} less the heap's committed size, so
     * that the heap growing into fresh pages (Java garbage of a busy test) does not read as a native leak.
     */
    public static long settledNativeBytes() {
        long rss = settledResidentBytes();
        return rss - Runtime.getRuntime().totalMemory();
    }

    /** Resident bytes after asking the collector to run, so Java garbage does not count. */
    public static long settledResidentBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return residentBytes();
    }
}
