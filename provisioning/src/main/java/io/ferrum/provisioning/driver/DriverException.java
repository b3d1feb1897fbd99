package io.ferrum.provisioning.driver;

import java.util.Objects;

/**
 * The one failure type every southbound driver throws. Callers branch on {@link #reason()}.
 */
public class DriverException extends RuntimeException {

    private final FailureReason reason;
    private final String device;

    public DriverException(FailureReason reason, String device, String message) {
        this(reason, device, message, null);
    }

    public DriverException(FailureReason reason, String device, String message, Throwable cause) {
        super("[" + reason + "] " + device + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason);
        this.device = device;
    }

    public FailureReason reason() {
        return reason;
    }

    public String device() {
        return device;
    }

    public boolean retryable() {
        return reason.retryable();
    }
}
