package io.ferrum.standards.definition;

/**
 * One thing wrong with a site definition, located so a person can jump to it.
 *
 * @param field a path such as {@code racks[2].servers.count}; empty for the document as a whole
 */
public record DefinitionProblem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "(document)" : field) + ": " + message;
    }
}
