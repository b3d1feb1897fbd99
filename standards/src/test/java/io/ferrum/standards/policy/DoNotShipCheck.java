package io.ferrum.standards.policy;

import io.ferrum.standards.desired.DesiredSite;
import java.util.List;

/** A team's own check, registered through META-INF/services in the test class path. */
public class DoNotShipCheck implements PolicyCheck {

    @Override
    public String name() {
        return "no-do-not-ship-hostnames";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        return site.devices().stream().filter(d -> d.hostname().contains("do-not-ship"))
                .map(d -> new PolicyViolation(name(), d.hostname(), "is marked do-not-ship"))
                .toList();
    }
}
