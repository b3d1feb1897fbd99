package io.ferrum.api.cli;

import io.ferrum.api.web.Echoes;
import io.ferrum.model.common.IntentException;
import io.ferrum.standards.definition.DefinitionException;

/** Reduces any failure to the one line a terminal user needs. */
final class CliErrors {

    private CliErrors() {
    }

    /**
     * One line per problem: a definition with three mistakes prints three {@code file:line:column: field: message}
     * lines, anything else exactly one.
     */
    static java.util.List<String> lines(Throwable e) {
        return rawLines(e).stream().map(Echoes::shortened).toList();
    }

    private static java.util.List<String> rawLines(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DefinitionException definition) {
                return definition.problems().stream().map(Object::toString).toList();
            }
            if (cause instanceof IntentException intent) {
                return intent.problems().stream().map(p -> p.field() + ": " + p.reason()).toList();
            }
            if (cause instanceof CliException cli) {
                return cli.getMessage().lines().toList();
            }
        }
        return java.util.List.of(oneLine(e));
    }

    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
