package io.lgc.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peak memory of this JVM per stage, sampled every {@link #PERIOD_MS} ms by a daemon thread: heap in
 * use (live data and garbage not yet collected), heap left after the latest collection (what the
 * stage keeps alive), and resident memory (VmRSS: heap, libtorch, Spark's off-heap buffers). In
 * local mode the driver and the executors are this one JVM. {@link #stage} starts a new stage; a
 * name seen before adds to its peaks.
 */
final class MemorySampler implements AutoCloseable {
    static final int PERIOD_MS = 20;

    /** Peaks of one stage, in MB. */
    record Peaks(long heapMb, long liveHeapMb, long rssMb) {
        Peaks max(Peaks o) {
            return new Peaks(Math.max(heapMb, o.heapMb), Math.max(liveHeapMb, o.liveHeapMb), Math.max(rssMb, o.rssMb));
        }
    }

    private final Map<String, Peaks> peaks = new LinkedHashMap<>();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Thread thread;
    private volatile String current = "start";
    private volatile boolean running = true;

    MemorySampler() {
        thread = new Thread(this::loop, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** From now on, samples count towards {@code name}; the stage starts with one sample of its own. */
    void stage(String name) {
        if (!name.equals(current)) {
            current = name;
            sample();
        }
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        long heap = 0;
        long live = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            heap += pool.getUsage().getUsed();
            MemoryUsage after = pool.getCollectionUsage();
            live += after == null ? 0 : after.getUsed();
        }
        peaks.merge(current, new Peaks(heap >> 20, live >> 20, status("VmRSS:")), Peaks::max);
    }

    /** The peaks by stage name, in the order the stages first ran. */
    synchronized Map<String, Peaks> peaks() {
        return new LinkedHashMap<>(peaks);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    /** A memory line of /proc/self/status in MB ({@code VmRSS:}, {@code VmHWM:}), -1 where there is none. */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
