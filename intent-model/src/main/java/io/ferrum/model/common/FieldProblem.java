package io.ferrum.model.common;

/** What is wrong with one field of the input: {@code field} is a JSON-style path such as {@code positionU}. */
public record FieldProblem(String field, String reason) {
}
