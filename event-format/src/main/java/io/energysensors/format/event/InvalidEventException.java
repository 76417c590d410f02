package io.energysensors.format.event;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed line that lacks a field the log service needs, or has it with the wrong type. It is an
 * answer to a client, thrown once per bad line (millions for a hostile body), so it carries no
 * stack trace and builds its message only when asked.
 */
public final class InvalidEventException extends RuntimeException {

    /** One problem: the field as {@code Section.key} or {@code Section[0]}, and what is wrong. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidEventException(List<FieldError> errors) {
        super(null, null, false, false);
        this.errors = List.copyOf(errors);
    }

    @Override
    public String getMessage() {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
