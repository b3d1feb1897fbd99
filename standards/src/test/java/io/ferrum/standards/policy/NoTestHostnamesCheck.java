package io.ferrum.standards.policy;

import io.ferrum.standards.desired.DesiredSite;
import java.util.List;

/** A team's own check, registered through META-INF/services in the test class path. */
public class NoTestHostnamesCheck implements PolicyCheck {

    @Override
    public String name() {
        return "no-hostname-with-test";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        return site.devices().stream().filter(d -> d.hostname().contains("test"))
                .map(d -> new PolicyViolation(name(), d.hostname(), "test machines do not belong in production"))
                .toList();
    }
}
