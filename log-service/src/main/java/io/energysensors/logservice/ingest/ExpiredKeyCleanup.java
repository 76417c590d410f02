package io.energysensors.logservice.ingest;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes delivery keys older than {@code keep-for} every {@code cleanup-interval}, on its own
 * thread, so the table holds one window of keys however long the service runs. A failed delete
 * (database down) is logged and tried again at the next interval.
 */
@Component
class ExpiredKeyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeyCleanup.class);

    private final DeliveryKeys keys;
    private final DedupProperties properties;
    private ScheduledExecutorService executor;

    ExpiredKeyCleanup(DeliveryKeys keys, DedupProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    /** @return how many keys were deleted */
    int deleteExpired() {
        return keys.deleteRecordedBefore(Instant.now().minus(properties.keepFor()));
    }

    @Override
    public synchronized void start() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delivery-key-cleanup-");
        threads.setDaemon(true);
        executor = Executors.newSingleThreadScheduledExecutor(threads);
        long every = properties.cleanupInterval().toMillis();
        executor.scheduleWithFixedDelay(this::deleteExpiredLogged, every, every, TimeUnit.MILLISECONDS);
    }

    private void deleteExpiredLogged() {
        try {
            int deleted = deleteExpired();
            log.debug("Deleted {} expired delivery keys", deleted);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not delete expired delivery keys, trying again in {}: {}",
                    properties.cleanupInterval(),
                    e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
