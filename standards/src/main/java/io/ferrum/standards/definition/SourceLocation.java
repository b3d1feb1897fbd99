package io.ferrum.standards.definition;

/** A 1-based line and column in a definition file. */
public record SourceLocation(int line, int column) {

    public static final SourceLocation START = new SourceLocation(1, 1);
}
