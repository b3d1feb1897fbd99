package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.List;

/**
 * Exchange hand-offs land on border devices, on ports those devices have: a hand-off on a leaf would put exchange
 * traffic (and its kill switch) in the wrong place.
 */
public final class ExchangeHandoffCheck implements PolicyCheck {

    @Override
    public String name() {
        return "exchange-handoff-border";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        List<PolicyViolation> violations = new ArrayList<>();
        for (ExchangeConnectionDraft connection : site.exchangeConnections()) {
            String object = connection.exchange() + " " + connection.circuitId();
            var device = index.device(connection.device());
            if (device.isEmpty()) {
                violations.add(new PolicyViolation(name(), object, "lands on " + connection.device()
                        + ", which is not in the design"));
                continue;
            }
            if (device.get().role() != DeviceRole.BORDER) {
                violations.add(new PolicyViolation(name(), object, "lands on " + connection.device() + ", a "
                        + device.get().role().wire() + "; exchange hand-offs must land on a border device"));
            }
            for (String port : connection.ports() == null ? List.<String>of() : connection.ports()) {
                if (index.port(connection.device(), port).isEmpty()) {
                    violations.add(new PolicyViolation(name(), object, connection.device() + " has no port "
                            + port));
                }
            }
        }
        return violations;
    }
}
