package io.energysensors.logservice.clusters;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where a run's time went, in milliseconds, for its log line; and the CPU time the run used on
 * its own thread and on the compute thread, which on a machine shared with other work says more
 * than the elapsed time.
 */
final class RunTimer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long cpuStart = THREADS.getCurrentThreadCpuTime();
    private final AtomicLong computeCpu = new AtomicLong();
    private long lastLap = System.nanoTime();
    long read;
    long cluster;
    long store;
    long commit;

    /** Milliseconds since the previous lap, or since the start. */
    long lap() {
        long now = System.nanoTime();
        long lapMs = TimeUnit.NANOSECONDS.toMillis(now - lastLap);
        lastLap = now;
        return lapMs;
    }

    /** Runs {@code work} on the calling thread, adding the CPU time it takes to the run's. */
    <T> T compute(Supplier<T> work) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            if (start >= 0) {
                computeCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
            }
        }
    }

    /** On the run's thread: its CPU time so far and that of its compute steps; -1 where the JVM does not measure it. */
    long cpuMs() {
        return cpuStart < 0
                ? -1
                : TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - cpuStart + computeCpu.get());
    }
}
