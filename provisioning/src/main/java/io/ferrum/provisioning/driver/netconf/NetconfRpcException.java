package io.ferrum.provisioning.driver.netconf;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;

import java.util.List;

/** The device answered an rpc with one or more {@code rpc-error}s of severity error. */
public class NetconfRpcException extends DriverException {

    private final String operation;
    private final List<RpcError> errors;

    public NetconfRpcException(String device, String operation, List<RpcError> errors) {
        super(reasonFor(errors), device, operation + " rejected: " + errors);
        this.operation = operation;
        this.errors = List.copyOf(errors);
    }

    public String operation() {
        return operation;
    }

    public List<RpcError> errors() {
        return errors;
    }

    public boolean hasTag(String tag) {
        return errors.stream().anyMatch(e -> e.tag().equals(tag));
    }

    /** lock-denied and in-use clear up when the other session finishes, so they are worth a retry; the rest are not. */
    private static FailureReason reasonFor(List<RpcError> errors) {
        boolean contention = errors.stream().anyMatch(e -> e.tag().equals("lock-denied") || e.tag().equals("in-use"));
        return contention ? FailureReason.IN_USE : FailureReason.REJECTED;
    }
}
