package io.energysensors.logservice.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.energysensors.logservice.dashboard.IngestionFigures.Minute;
import io.energysensors.logservice.events.StoredEventCount;
import io.energysensors.logservice.ingest.EventsStored;
import io.energysensors.logservice.ingest.IngestRejections;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Events stored per minute, counted in memory as their transactions commit, and the rejections
 * counted by ingest/: a poll costs one slot per minute asked and the stored count's one row,
 * however many events the store holds (counting received_at in the table took 4-6 s at a
 * million events). The figures are this copy's since it started; the last
 * {@value DashboardController#MAX_MINUTES} minutes are kept.
 */
@Component
class IngestionRates {

    private static final int KEPT_MINUTES = DashboardController.MAX_MINUTES;

    /** Slot {@code m % KEPT_MINUTES} holds the count of minute {@code m} since 1970, if {@code minutes} says so. */
    private final long[] minutes = new long[KEPT_MINUTES];

    private final long[] stored = new long[KEPT_MINUTES];
    private final StoredEventCount storedEvents;
    private final IngestRejections rejections;

    IngestionRates(StoredEventCount storedEvents, IngestRejections rejections) {
        this.storedEvents = storedEvents;
        this.rejections = rejections;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(EventsStored events) {
        record(events.count(), Instant.now());
    }

    synchronized void record(int events, Instant at) {
        long minute = Math.floorDiv(at.getEpochSecond(), 60);
        int slot = (int) Math.floorMod(minute, KEPT_MINUTES);
        if (minutes[slot] != minute) {
            minutes[slot] = minute;
            stored[slot] = 0;
        }
        stored[slot] += events;
    }

    IngestionFigures lastMinutes(int count, Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(count - 1L, ChronoUnit.MINUTES);
        List<Minute> perMinute = new ArrayList<>(count);
        synchronized (this) {
            for (int i = 0; i < count; i++) {
                Instant start = first.plus(i, ChronoUnit.MINUTES);
                long minute = Math.floorDiv(start.getEpochSecond(), 60);
                int slot = (int) Math.floorMod(minute, KEPT_MINUTES);
                perMinute.add(new Minute(start, minutes[slot] == minute ? stored[slot] : 0));
            }
        }
        return new IngestionFigures(storedEvents.read(), perMinute, rejections.snapshot());
    }
}
