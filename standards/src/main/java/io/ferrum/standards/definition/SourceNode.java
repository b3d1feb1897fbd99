package io.ferrum.standards.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML/JSON value with the place it was written: the parser binds definitions from these rather than from plain
 * maps so that every error, however late, can name file:line:column.
 */
sealed interface SourceNode {

    SourceLocation at();

    /** What a person would call this kind of value, for "expected a mapping, found a list". */
    String kindName();

    record Mapping(SourceLocation at, Map<String, Entry> entries) implements SourceNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        public String kindName() {
            return "a mapping";
        }
    }

    /** A mapping entry: where its key was written (for unknown-field errors) and its value. */
    record Entry(SourceLocation keyAt, SourceNode value) {
    }

    record Sequence(SourceLocation at, List<SourceNode> items) implements SourceNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String kindName() {
            return "a list";
        }
    }

    /** A scalar's text as written, and whether the document typed it as a number or boolean. */
    record Scalar(SourceLocation at, String text, boolean numeric, boolean bool) implements SourceNode {
        public String kindName() {
            return numeric ? "a number" : bool ? "a boolean" : "a string";
        }
    }

    record Null(SourceLocation at) implements SourceNode {
        public String kindName() {
            return "null";
        }
    }

    /**
     * A value the reader already refused (an alias to no anchor, say). Fields holding it read as absent without a
     * second complaint, so one mistake in the file gives one problem.
     */
    record Broken(SourceLocation at) implements SourceNode {
        public String kindName() {
            return "an invalid value";
        }
    }
}
