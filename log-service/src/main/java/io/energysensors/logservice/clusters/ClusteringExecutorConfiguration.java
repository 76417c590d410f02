package io.energysensors.logservice.clusters;

import java.time.Clock;

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

    @Bean(EXECUTOR)
    ThreadPoolTaskScheduler clusteringExecutor() {
        ThreadPoolTaskScheduler executor = new ThreadPoolTaskScheduler();
        executor.setPoolSize(1);
        executor.setThreadNamePrefix("clustering-");
        // A run cut short by shutdown rolls back; the previous result stays.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean(CLOCK)
    Clock clusteringClock() {
        return Clock.systemUTC();
    }
}
