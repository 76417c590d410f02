package io.energysensors.logservice.clusters;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one thread clustering runs on. {@link ClusteringScheduler} submits at most one task at a
 * time, so a queue of one never overflows and never grows.
 */
@Configuration(proxyBeanMethods = false)
class ClusteringExecutorConfiguration {

    static final String EXECUTOR = "clusteringExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor clusteringExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1);
        executor.setThreadNamePrefix("clustering-");
        // A run cut short by shutdown rolls back; the previous result stays.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
