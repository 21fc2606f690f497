package io.baton.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak heap of a stretch of work, measured by the JVM: the sum of each heap pool's peak usage
 * since {@link #reset()}. Pools peak at different moments, so the sum is an upper bound of the
 * true peak, never an under-estimate.
 */
final class PeakHeap {

    private PeakHeap() {
    }

    static void reset() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static double megabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            bytes += pool.getPeakUsage().getUsed();
        }
        return bytes / (1024.0 * 1024.0);
    }

    private static Iterable<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
