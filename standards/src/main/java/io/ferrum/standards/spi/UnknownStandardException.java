package io.ferrum.standards.spi;

/** Thrown when a {@code name@version} names no registered standard; the message lists what exists. */
public class UnknownStandardException extends IllegalArgumentException {

    public UnknownStandardException(String message) {
        super(message);
    }
}
