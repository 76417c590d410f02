package io.energysensors.logservice.clusters;

import java.time.Clock;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The one thread clustering runs on, which also keeps the scheduler's one wake-up (the end of a
 * {@link CpuBudget} rest, or a retry after the lock was held elsewhere). {@link ClusteringScheduler}
 * has at most one pass and one wake-up queued at a time, so the queue never grows.
 */
@Configuration(proxyBeanMethods = false)
class ClusteringExecutorConfiguration {

    static final String EXECUTOR = "clusteringExecutor";

    /** The clock the budget reads; a bean of its own so that tests can hold time still. */
    static final String CLOCK = "clusteringClock";

    static final String COMPUTE = "clusteringCompute";

    @Bean(EXECUTOR)
    ThreadPoolTaskScheduler clusteringExecutor() {
        ThreadPoolTaskScheduler executor = new ThreadPoolTaskScheduler();
        executor.setPoolSize(1);
        executor.setThreadNamePrefix("clustering-");
        // A run cut short by shutdown rolls back; the previous result stays.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    /**
     * The one thread a run's arithmetic (Mean Shift, assigning events to centers) runs on. Their
     * parallel steps run in the pool of the thread that calls them: here a pool of one, so a run
     * takes at most one core and never the common pool, and requests keep the other cores.
     */
    @Bean(name = COMPUTE, destroyMethod = "shutdownNow")
    ForkJoinPool clusteringCompute() {
        return new ForkJoinPool(
                1,
                pool -> {
                    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    thread.setName("clustering-compute");
                    return thread;
                },
                null,
                false);
    }

    @Bean(CLOCK)
    Clock clusteringClock() {
        return Clock.systemUTC();
    }
}
