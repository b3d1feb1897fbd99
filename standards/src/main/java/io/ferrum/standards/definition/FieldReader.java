package io.ferrum.standards.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, located access to the fields of a {@link SourceNode} tree. Every mistake is recorded and reading carries on,
 * so one run reports all that is wrong; a missing or unreadable value comes back as null.
 */
final class FieldReader {

    private final String file;
    private final List<DefinitionProblem> problems;

    FieldReader(String file, List<DefinitionProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    void problem(SourceLocation at, String field, String message) {
        problems.add(new DefinitionProblem(file, at.line(), at.column(), field, message));
    }

    /** The node as a mapping whose keys are all in {@code allowed}; unknown keys are problems. */
    SourceNode.Mapping mapping(SourceNode node, String path, Set<String> allowed) {
        SourceNode.Mapping mapping = mapping(node, path);
        if (mapping != null) {
            mapping.entries().forEach((key, entry) -> {
                if (!allowed.contains(key)) {
                    problem(entry.keyAt(), join(path, key), "is not a known field; expected one of "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            });
        }
        return mapping;
    }

    /** The node as a mapping with free-form keys (rack profiles, serials by device name). */
    SourceNode.Mapping mapping(SourceNode node, String path) {
        if (node == null || node instanceof SourceNode.Broken) {
            return null;
        }
        if (node instanceof SourceNode.Mapping mapping) {
            return mapping;
        }
        problem(node.at(), path, "expected a mapping, found " + node.kindName());
        return null;
    }

    SourceNode.Sequence sequence(SourceNode node, String path) {
        if (node == null || node instanceof SourceNode.Null || node instanceof SourceNode.Broken) {
            return null;
        }
        if (node instanceof SourceNode.Sequence sequence) {
            return sequence;
        }
        problem(node.at(), path, "expected a list, found " + node.kindName());
        return null;
    }

    /** The value under {@code key}, or null (with a problem when required) if it is absent or null. */
    SourceNode field(SourceNode.Mapping parent, String path, String key, boolean required) {
        if (parent == null) {
            return null;
        }
        SourceNode.Entry entry = parent.entries().get(key);
        if (entry != null && entry.value() instanceof SourceNode.Broken) {
            return null;
        }
        if (entry == null || entry.value() instanceof SourceNode.Null) {
            if (required) {
                problem(entry == null ? parent.at() : entry.keyAt(), join(path, key), "is required");
            }
            return null;
        }
        return entry.value();
    }

    String text(SourceNode.Mapping parent, String path, String key, boolean required) {
        return scalar(field(parent, path, key, required), join(path, key));
    }

    /** A scalar's text; numbers are accepted as text since serials like 0042 are often written bare. */
    String scalar(SourceNode node, String path) {
        if (node == null || node instanceof SourceNode.Null || node instanceof SourceNode.Broken) {
            return null;
        }
        if (node instanceof SourceNode.Scalar scalar) {
            return scalar.text();
        }
        problem(node.at(), path, "expected a single value, found " + node.kindName());
        return null;
    }

    Integer integer(SourceNode.Mapping parent, String path, String key, boolean required, int min, int max) {
        SourceNode node = field(parent, path, key, required);
        String field = join(path, key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof SourceNode.Scalar scalar) || !scalar.numeric()) {
            problem(node.at(), field, "expected a whole number, found " + node.kindName());
            return null;
        }
        try {
            long value = Long.parseLong(scalar.text().trim());
            if (value < min || value > max) {
                problem(node.at(), field, "is " + value + "; expected " + min + " to " + max);
                return null;
            }
            return (int) value;
        } catch (NumberFormatException e) {
            problem(node.at(), field, "'" + scalar.text() + "' is not a whole number");
            return null;
        }
    }

    /** A value converted by {@code parse}, whose IllegalArgumentException message becomes the problem. */
    <T> T converted(SourceNode.Mapping parent, String path, String key, boolean required, Function<String, T> parse) {
        String text = text(parent, path, key, required);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problem(parent.entries().get(key).value().at(), join(path, key), e.getMessage());
            return null;
        }
    }

    /** Checks {@code value} against a pattern, naming what was expected. */
    String matching(SourceNode.Mapping parent, String path, String key, boolean required, String regex,
                    String expected) {
        String value = text(parent, path, key, required);
        if (value != null && !value.matches(regex)) {
            problem(parent.entries().get(key).value().at(), join(path, key),
                    "'" + value + "' is not valid; expected " + expected);
            return null;
        }
        return value;
    }

    /** A mapping of names to scalar values, e.g. serials by device name. */
    Map<String, String> textMap(SourceNode.Mapping parent, String path, String key) {
        String field = join(path, key);
        SourceNode.Mapping mapping = mapping(field(parent, path, key, false), field);
        if (mapping == null) {
            return Map.of();
        }
        java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
        mapping.entries().forEach((name, entry) -> {
            String value = scalar(entry.value(), join(field, name));
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
