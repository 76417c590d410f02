package io.energysensors.logservice.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of GET /events, each null when not given.
 *
 * @param from inclusive lower bound of the measurement time
 * @param to exclusive upper bound of the measurement time
 */
record EventFilter(Long device, Instant from, Instant to) {

    boolean isEmpty() {
        return device == null && from == null && to == null;
    }

    /**
     * The filters for a JPA query, and ids below {@code after} if it is not null.
     *
     * @param fewMatches whether few events match (at most max-offset, counted beforehand): then the
     *     database best reads them by the measurement time's index and sorts them. Where many
     *     match, walking the ids newest first finds a page sooner, but H2 would still pick the time
     *     index and sort every match (seconds at a million); the time is then compared in a form
     *     no index serves (COALESCE), which leaves the database the walk.
     */
    Specification<SensorEventEntity> below(Long after, boolean fewMatches) {
        List<Specification<SensorEventEntity>> filters = new ArrayList<>();
        if (device != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("deviceId"), device));
        }
        if (from != null) {
            filters.add((root, query, cb) -> cb.greaterThanOrEqualTo(measuredAt(root, cb, fewMatches), from));
        }
        if (to != null) {
            filters.add((root, query, cb) -> cb.lessThan(measuredAt(root, cb, fewMatches), to));
        }
        if (after != null) {
            filters.add((root, query, cb) -> cb.lessThan(root.get("id"), after));
        }
        return Specification.allOf(filters);
    }

    private static Expression<Instant> measuredAt(Root<SensorEventEntity> root, CriteriaBuilder cb, boolean byIndex) {
        Expression<Instant> measuredAt = root.get("measuredAt");
        return byIndex ? measuredAt : cb.coalesce(measuredAt, measuredAt);
    }

    /** The same filters as an SQL condition over sensor_event, with {@link #sqlArguments()}. */
    String sqlCondition() {
        List<String> conditions = new ArrayList<>();
        if (device != null) {
            conditions.add("device_id = ?");
        }
        if (from != null) {
            conditions.add("measured_at >= ?");
        }
        if (to != null) {
            conditions.add("measured_at < ?");
        }
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    List<Object> sqlArguments() {
        List<Object> arguments = new ArrayList<>();
        if (device != null) {
            arguments.add(device);
        }
        if (from != null) {
            arguments.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            arguments.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return arguments;
    }
}
