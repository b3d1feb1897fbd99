package io.ferrum.standards.policy;

/**
 * A reason not to apply a design.
 *
 * @param check  the check's name, e.g. {@code rack-unit-overlap}
 * @param object what is wrong, e.g. a hostname, cable label, rack or prefix
 */
public record PolicyViolation(String check, String object, String message) {

    @Override
    public String toString() {
        return check + ": " + object + ": " + message;
    }
}
