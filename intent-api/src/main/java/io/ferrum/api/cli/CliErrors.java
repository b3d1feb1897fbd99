package io.ferrum.api.cli;

import io.ferrum.model.common.IntentException;

/** Reduces any failure to the one line a terminal user needs. */
final class CliErrors {

    private CliErrors() {
    }

    static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof IntentException intent) {
                return intent.getMessage();
            }
            cause = cause.getCause();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
