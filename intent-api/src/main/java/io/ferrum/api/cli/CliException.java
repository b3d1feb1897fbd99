package io.ferrum.api.cli;

/** A failure the CLI reports as its message alone, with exit code 1. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
