package io.energysensors.logservice.clusters;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Where a run's time went, in milliseconds, for its log line; and the CPU time of the run's
 * thread, which on a machine shared with other work says more than the elapsed time (the
 * parallel part of Mean Shift runs on the common pool and is not in it).
 */
final class RunTimer {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long cpuStart = THREADS.getCurrentThreadCpuTime();
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

    /** -1 where the JVM does not measure thread CPU time. */
    long cpuMs() {
        return cpuStart < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(THREADS.getCurrentThreadCpuTime() - cpuStart);
    }
}
