package io.energysensors.logservice.events;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** The events of one label of the current clustering result, paged newest first as GET /events. */
@Component
public class EventsByLabel {

    private final CurrentLabels labels;
    private final EventRepository events;

    EventsByLabel(CurrentLabels labels, EventRepository events) {
        this.labels = labels;
        this.events = events;
    }

    public EventPage page(int label, int page, int size) {
        ClusterLabels current = labels.current();
        long total = current.count(label);
        List<Long> ids = Arrays.stream(current.newestFirst(label, (long) page * size, size))
                .boxed()
                .toList();
        List<EventView> views = events.findAllByIdIn(ids).stream()
                .sorted(Comparator.comparingLong(SensorEventEntity::id).reversed())
                .map(event -> event.toView(current))
                .toList();
        // Label pages are slices of the labels in memory, O(page) at any depth: no cursor needed.
        return new EventPage(views, page, size, total, (int) ((total + size - 1) / size), true, null);
    }
}
