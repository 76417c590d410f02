package io.energysensors.web.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The first errors of a request, up to a cap, and how many there were in all: a body of millions
 * of bad lines costs the memory of {@code max} errors, and its answer still says how many it had.
 *
 * @param <E> one error, such as a bad line
 */
public final class FirstErrors<E> {

    private final int max;
    private final List<E> kept = new ArrayList<>();
    private long count;

    /** @param max errors kept; the rest are only counted */
    public FirstErrors(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one error must be kept, got " + max);
        }
        this.max = max;
    }

    public void add(E error) {
        count++;
        if (kept.size() < max) {
            kept.add(error);
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The first errors, in the order they were added. */
    public List<E> kept() {
        return List.copyOf(kept);
    }

    /** Every error added, kept or not. */
    public long count() {
        return count;
    }

    /** Errors counted but not kept. */
    public long omitted() {
        return count - kept.size();
    }

    /**
     * The problem detail's members: {@code errors} (the kept ones, each as {@code toMember}
     * makes it), {@code error_count} and {@code errors_omitted}.
     */
    public Map<String, Object> toProperties(Function<E, ?> toMember) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", kept.stream().map(toMember).toList());
        properties.put("error_count", count);
        properties.put("errors_omitted", omitted());
        return properties;
    }
}
