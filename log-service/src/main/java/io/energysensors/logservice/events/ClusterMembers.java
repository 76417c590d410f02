package io.energysensors.logservice.events;

import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The events of one label of the current clustering result, paged newest first as GET /events. */
@Component
public class ClusterMembers {

    private final JdbcTemplate jdbc;
    private final EventRepository events;

    ClusterMembers(JdbcTemplate jdbc, EventRepository events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public EventPage page(int label, int page, int size) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM cluster_member WHERE label = ?", Long.class, label);
        List<Long> ids = jdbc.queryForList("""
                SELECT event_id FROM cluster_member WHERE label = ?
                ORDER BY event_id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""", Long.class, label,
                (long) page * size, size);
        List<EventView> views = events.findAllByIdIn(ids).stream()
                .sorted(Comparator.comparingLong(StoredEvent::id).reversed())
                .map(StoredEvent::toView)
                .toList();
        return new EventPage(views, page, size, total, (int) ((total + size - 1) / size));
    }
}
