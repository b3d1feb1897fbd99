package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A serial number names one box; two devices with one serial is a typo that would mislead the build team. */
public final class DuplicateSerialCheck implements PolicyCheck {

    @Override
    public String name() {
        return "duplicate-serial";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        Map<String, String> hostBySerial = new HashMap<>();
        List<PolicyViolation> violations = new ArrayList<>();
        for (DeviceDraft device : site.devices()) {
            if (device.serial() == null || device.serial().isBlank()) {
                continue;
            }
            String first = hostBySerial.putIfAbsent(device.serial(), device.hostname());
            if (first != null) {
                violations.add(new PolicyViolation(name(), device.hostname(), "serial " + device.serial()
                        + " is also the serial of " + first));
            }
        }
        return violations;
    }
}
