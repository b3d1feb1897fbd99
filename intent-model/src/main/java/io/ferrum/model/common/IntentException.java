package io.ferrum.model.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one failure type of the intent model. The {@link Reason} tells callers (REST, CLI, planner) how to react
 * without parsing the message; the problems name each offending field.
 */
public class IntentException extends RuntimeException {

    /** Why the model refused. */
    public enum Reason {
        /** The input breaks a rule of the model (422). */
        INVALID,
        /** The input clashes with something already stored: an occupied port, a duplicate serial (409). */
        CONFLICT,
        /** A referenced object does not exist (404 for the addressed resource, 422 for a reference in the body). */
        NOT_FOUND,
        /** The caller edited a stale version (412 with If-Match, 409 otherwise). */
        STALE,
        /** A pool has no free space left (409). */
        EXHAUSTED,
        /** The model could not take the request in time because others hold what it needs; try again (503). */
        BUSY
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    public IntentException(Reason reason, List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public static IntentException invalid(String field, String reason) {
        return new IntentException(Reason.INVALID, List.of(new FieldProblem(field, reason)));
    }

    public static IntentException conflict(String field, String reason) {
        return new IntentException(Reason.CONFLICT, List.of(new FieldProblem(field, reason)));
    }

    public static IntentException notFound(String field, String reason) {
        return new IntentException(Reason.NOT_FOUND, List.of(new FieldProblem(field, reason)));
    }

    public static IntentException exhausted(String field, String reason) {
        return new IntentException(Reason.EXHAUSTED, List.of(new FieldProblem(field, reason)));
    }

    public static IntentException busy(String field, String reason) {
        return new IntentException(Reason.BUSY, List.of(new FieldProblem(field, reason)));
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The same failure with each field path prefixed, e.g. {@code items[3].}, for bulk requests. */
    public IntentException at(String prefix) {
        IntentException prefixed = new IntentException(reason,
                problems.stream().map(p -> new FieldProblem(prefix + p.field(), p.reason())).toList());
        prefixed.initCause(this);
        return prefixed;
    }
}
