package io.energysensors.logservice.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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
class EventsController {

    static final int MAX_PAGE_SIZE = 1000;

    /** Most recently stored first: ids grow as events are stored, and the primary key orders them. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("id"));

    private final EventRepository events;
    private final StoredEventCount storedEvents;
    private final CurrentLabels labels;

    EventsController(EventRepository events, StoredEventCount storedEvents, CurrentLabels labels) {
        this.events = events;
        this.storedEvents = storedEvents;
        this.labels = labels;
    }

    /**
     * @param from inclusive lower bound of the measurement time
     * @param to exclusive upper bound of the measurement time
     */
    @GetMapping
    EventPage list(
            @RequestParam(required = false) Long device,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "from (" + from + ") must be before to (" + to + ")");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        List<Specification<SensorEventEntity>> filters = new ArrayList<>();
        if (device != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("deviceId"), device));
        }
        if (from != null) {
            filters.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("measuredAt"), from));
        }
        if (to != null) {
            filters.add((root, query, cb) -> cb.lessThan(root.get("measuredAt"), to));
        }
        Page<SensorEventEntity> found =
                events.findAll(Specification.allOf(filters), PageRequest.of(page, size, NEWEST_FIRST));
        ClusterLabels current = labels.current();
        return new EventPage(
                found.map(event -> event.toView(current)).getContent(),
                page,
                size,
                found.getTotalElements(),
                found.getTotalPages());
    }

    @GetMapping("/{id}")
    EventView one(@PathVariable long id) {
        SensorEventEntity event = events.findById(id).orElseThrow(() -> new EventNotFoundException(id));
        return event.toView(labels.current());
    }

    @GetMapping("/count")
    EventCountResponse count() {
        return new EventCountResponse(storedEvents.read());
    }
}
