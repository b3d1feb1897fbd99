package io.ferrum.provisioning.driver;

/**
 * Why a device operation failed, so a pipeline can choose retry or abort without parsing messages.
 */
public enum FailureReason {
    /** Connection refused, no route, DNS failure: the device may come back. */
    UNREACHABLE(true),
    /** The device answered but refused our credentials; retrying with the same ones will not help. */
    AUTH_FAILED(false),
    /** The device presented a different host key than the one pinned on first contact. */
    HOST_KEY_CHANGED(false),
    /** A connect, read or command deadline passed. */
    TIMEOUT(true),
    /** The device understood the request and said no (rpc-error, non-zero exit, bad SNMP status). */
    REJECTED(false),
    /** A resource on the device is held by someone else (NETCONF lock-denied, in-use). */
    IN_USE(true),
    /** The peer spoke something we could not parse: broken framing, malformed XML, unexpected PDU. */
    PROTOCOL_ERROR(false),
    /** A transferred file does not hash to what was sent. */
    CHECKSUM_MISMATCH(true),
    /** Too many sessions are open already (per-device or global bound). */
    BUSY(true),
    /** The session was closed, locally or by the peer. */
    CLOSED(true);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
