package io.ferrum.model.inventory;

import io.ferrum.model.exchange.ConnectionStatus;
import java.util.List;

/** One exchange hand-off: which exchange, on which of our device's ports, and its kill-switch group. */
public record ExchangeConnectionInfo(
        String exchange, String circuitId, String device, List<String> ports, String killSwitchGroup,
        ConnectionStatus status) {

    public ExchangeConnectionInfo {
        ports = List.copyOf(ports);
    }
}
