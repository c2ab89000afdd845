package dev.polyfeed.publish;

import java.util.Optional;

/**
 * How many bytes of rendered output are kept: three quarters for documents, a quarter for post bodies.
 * By default an eighth of the maximum heap, which leaves room for the posts themselves, a reload's
 * second catalog and the renders in flight in a container's usual 256-512 MiB; a budget the heap cannot
 * hold is refused at startup rather than found out as an OutOfMemoryError under load.
 *
 * @param totalBytes bytes of rendered output kept, documents and bodies together
 */
record CacheBudget(long totalBytes, boolean explicit) {

    static final long MEBIBYTE = 1024L * 1024L;

    static CacheBudget of(Optional<Integer> cacheMb, long maxHeapBytes) {
        if (cacheMb.isEmpty()) {
            return new CacheBudget(Math.max(4 * MEBIBYTE, maxHeapBytes / 8), false);
        }
        long bytes = cacheMb.get() * MEBIBYTE;
        if (cacheMb.get() < 1 || bytes > maxHeapBytes / 2) {
            throw new IllegalArgumentException("polyfeed.cache-mb=" + cacheMb.get() + " does not fit a maximum heap of "
                    + maxHeapBytes / MEBIBYTE + " MiB: at most half of it (" + maxHeapBytes / 2 / MEBIBYTE
                    + ") may hold rendered output; lower polyfeed.cache-mb, raise -Xmx, or leave it unset");
        }
        return new CacheBudget(bytes, true);
    }

    long documentBytes() {
        return totalBytes - bodyBytes();
    }

    long bodyBytes() {
        return totalBytes / 4;
    }

    @Override
    public String toString() {
        return totalBytes / MEBIBYTE + " MiB (" + (explicit ? "polyfeed.cache-mb" : "an eighth of the maximum heap of "
                + Runtime.getRuntime().maxMemory() / MEBIBYTE + " MiB") + "): " + documentBytes() / MEBIBYTE
                + " MiB for documents, " + bodyBytes() / MEBIBYTE + " MiB for post bodies";
    }
}
