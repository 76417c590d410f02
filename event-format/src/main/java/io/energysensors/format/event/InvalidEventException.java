package io.energysensors.format.event;

import java.util.List;

/** A parsed line that lacks a field the log service needs, or has it with the wrong type. */
public final class InvalidEventException extends RuntimeException {

    /** One problem: the field as {@code Section.key} or {@code Section[0]}, and what is wrong. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidEventException(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
