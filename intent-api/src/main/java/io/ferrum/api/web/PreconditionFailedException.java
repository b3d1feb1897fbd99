package io.ferrum.api.web;

/** An If-Match header that does not match the stored version (412). */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
