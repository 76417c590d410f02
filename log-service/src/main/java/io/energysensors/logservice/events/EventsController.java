package io.energysensors.logservice.events;

import java.time.Instant;
import java.util.List;

import io.energysensors.logservice.storage.ReadTimeouts;
import io.energysensors.web.problem.ApiProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/events")
@EnableConfigurationProperties(EventsProperties.class)
class EventsController {

    static final int MAX_PAGE_SIZE = 1000;

    /** Most recently stored first: ids grow as events are stored, and the primary key orders them. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("id"));

    /**
     * The same order for one device's events, spelled so that H2 reads sensor_event_device_idx
     * (device_id, id) in order and stops after a page: for ORDER BY id alone it sorts them all.
     */
    private static final Sort DEVICE_NEWEST_FIRST = Sort.by(Sort.Order.desc("deviceId"), Sort.Order.desc("id"));

    private final EventRepository events;
    private final StoredEventCount storedEvents;
    private final MatchingEventCount matching;
    private final CurrentLabels labels;
    private final EventsProperties properties;

    EventsController(
            EventRepository events,
            StoredEventCount storedEvents,
            MatchingEventCount matching,
            CurrentLabels labels,
            EventsProperties properties) {
        this.events = events;
        this.storedEvents = storedEvents;
        this.matching = matching;
        this.labels = labels;
        this.properties = properties;
    }

    /**
     * Either {@code page} (offset paging, up to energy-sensors.events.max-offset deep) or
     * {@code after} (the {@code next_after} of the previous page: as cheap at any depth, and stable
     * while events are stored). Both cost O(size): the total is the stored count's one row, or a
     * count of the filtered events that stops at max-offset.
     *
     * @param from inclusive lower bound of the measurement time
     * @param to exclusive upper bound of the measurement time
     * @param after only events with a smaller id: the next page after the one that ended there
     */
    @GetMapping
    EventPage list(
            @RequestParam(required = false) Long device,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "from (" + from + ") must be before to (" + to + ")");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        if (after != null && page > 0) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "page and after cannot be combined: after already says where the page starts");
        }
        if ((long) page * size > properties.maxOffset()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "page " + page + " of size " + size + " starts " + (long) page * size
                            + " events deep, beyond the " + properties.maxOffset()
                            + " that page serves; page on with after=, the next_after of the previous page");
        }
        EventFilter filter = new EventFilter(device, from, to);
        return ReadTimeouts.answer("listing events", () -> {
            MatchingEventCount.Total total = matching.count(filter, properties.maxOffset());
            Sort order = device == null ? NEWEST_FIRST : DEVICE_NEWEST_FIRST;
            Slice<SensorEventEntity> found = events.findBy(
                    filter.below(after, total.exact()), query -> query.slice(PageRequest.of(page, size, order)));
            ClusterLabels current = labels.current();
            List<SensorEventEntity> content = found.getContent();
            Long nextAfter = found.hasNext() ? content.get(content.size() - 1).id() : null;
            return new EventPage(
                    content.stream().map(event -> event.toView(current)).toList(),
                    page,
                    size,
                    total.total(),
                    (int) Math.min(Integer.MAX_VALUE, (total.total() + size - 1) / size),
                    total.exact(),
                    nextAfter);
        });
    }

    @GetMapping("/{id}")
    EventView one(@PathVariable long id) {
        SensorEventEntity event = ReadTimeouts.answer(
                "reading event " + id, () -> events.findById(id).orElseThrow(() -> new EventNotFoundException(id)));
        return event.toView(labels.current());
    }

    @GetMapping("/count")
    EventCountResponse count() {
        return new EventCountResponse(storedEvents.read());
    }
}
