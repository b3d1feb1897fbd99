package io.ferrum.standards.definition;

import java.util.List;
import java.util.Map;

/**
 * Where each field of a parsed definition came from, so that checks running long after parsing (a standard refusing a
 * server model, a rack that cannot hold its servers) still point at file:line:column.
 */
public record DefinitionSource(String file, Map<String, SourceLocation> locations) {

    public DefinitionSource {
        locations = Map.copyOf(locations);
    }

    /** For definitions built in code rather than read from a file. */
    public static DefinitionSource unknown(String name) {
        return new DefinitionSource(name, Map.of());
    }

    /** The location of {@code field}, or of its nearest located ancestor when the field itself is absent. */
    public SourceLocation locate(String field) {
        String path = field;
        while (!path.isEmpty()) {
            SourceLocation location = locations.get(path);
            if (location != null) {
                return location;
            }
            path = parentOf(path);
        }
        return locations.getOrDefault("", SourceLocation.START);
    }

    public DefinitionProblem problem(String field, String message) {
        SourceLocation at = locate(field);
        return new DefinitionProblem(file, at.line(), at.column(), field, message);
    }

    /** Refuses the definition with a single located problem. */
    public DefinitionException refuse(String field, String message) {
        return new DefinitionException(List.of(problem(field, message)));
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
