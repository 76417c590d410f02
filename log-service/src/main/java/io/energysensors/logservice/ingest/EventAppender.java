package io.energysensors.logservice.ingest;

import java.time.Instant;
import java.util.List;

import io.energysensors.format.event.SensorEvent;
import io.energysensors.logservice.events.StoredEventCount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends events to the store within the caller's transaction ({@link GroupCommit}'s, which
 * commits them): gives them ids, has the {@link EventWriter} write them, and moves the stored
 * count with them ({@link StoredEventCount}).
 */
@Component
class EventAppender {

    private final EventWriter writer;
    private final EventIdAllocator ids;
    private final StoredEventCount count;
    private final ApplicationEventPublisher publisher;

    EventAppender(
            EventWriter writer, EventIdAllocator ids, StoredEventCount count, ApplicationEventPublisher publisher) {
        this.writer = writer;
        this.ids = ids;
        this.count = count;
        this.publisher = publisher;
    }

    void append(List<SensorEvent> events) {
        writer.write(events, ids.allocate(events.size()), Instant.now());
        count.add(events.size());
        publisher.publishEvent(new EventsStored(events.size()));
    }
}
