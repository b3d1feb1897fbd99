package io.ferrum.model.exchange;

import java.util.List;

/** An exchange hand-off: exchange code, our device and its ports, the circuit id and its kill-switch group. */
public record ExchangeConnectionDraft(String exchange, String site, String device, List<String> ports,
                                      String circuitId, String killSwitchGroup, ConnectionStatus status,
                                      String description, List<String> tags) {

    /** The same design with another lifecycle status: a plan never moves a connection out of active or killed. */
    public ExchangeConnectionDraft withStatus(ConnectionStatus newStatus) {
        return new ExchangeConnectionDraft(exchange, site, device, ports, circuitId, killSwitchGroup, newStatus,
                description, tags);
    }
}
