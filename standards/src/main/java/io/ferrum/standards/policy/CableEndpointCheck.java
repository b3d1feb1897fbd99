package io.ferrum.standards.policy;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every cable ends on ports that exist, and no port takes two cables. */
public final class CableEndpointCheck implements PolicyCheck {

    @Override
    public String name() {
        return "cable-endpoints";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        Map<String, String> cableByPort = new HashMap<>();
        List<PolicyViolation> violations = new ArrayList<>();
        for (CableDraft cable : site.cables()) {
            for (CableDraft.End end : List.of(cable.a(), cable.b())) {
                if (index.device(end.device()).isEmpty()) {
                    violations.add(new PolicyViolation(name(), cable.label(), "ends on device " + end.device()
                            + ", which is not in the design"));
                } else if (index.port(end.device(), end.port()).isEmpty()) {
                    violations.add(new PolicyViolation(name(), cable.label(), "ends on " + end.device() + " "
                            + end.port() + ", a port its device type does not have"));
                } else {
                    String other = cableByPort.putIfAbsent(end.device() + " " + end.port(), cable.label());
                    if (other != null) {
                        violations.add(new PolicyViolation(name(), cable.label(), end.device() + " " + end.port()
                                + " already takes cable " + other));
                    }
                }
            }
        }
        return violations;
    }
}
