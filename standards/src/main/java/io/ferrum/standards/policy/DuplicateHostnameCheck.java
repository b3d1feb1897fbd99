package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Hostnames are how everything (cables, addresses, DNS) names a device, so each appears once. */
public final class DuplicateHostnameCheck implements PolicyCheck {

    @Override
    public String name() {
        return "duplicate-hostname";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        Set<String> seen = new HashSet<>();
        List<PolicyViolation> violations = new ArrayList<>();
        for (DeviceDraft device : site.devices()) {
            if (!seen.add(device.hostname())) {
                violations.add(new PolicyViolation(name(), device.hostname(), "is the hostname of more than one "
                        + "device (in rack " + device.rack() + " again)"));
            }
        }
        return violations;
    }
}
