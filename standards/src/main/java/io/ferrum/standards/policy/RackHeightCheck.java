package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every mounted device lies within its rack: from U1 up to the rack's height. */
public final class RackHeightCheck implements PolicyCheck {

    @Override
    public String name() {
        return "rack-height";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        Map<String, RackDraft> racks = new HashMap<>();
        site.racks().forEach(rack -> racks.put(rack.name(), rack));
        List<PolicyViolation> violations = new ArrayList<>();
        for (DeviceDraft device : site.devices()) {
            RackDraft rack = device.rack() == null ? null : racks.get(device.rack());
            if (rack == null || rack.heightU() == null || device.positionU() == null) {
                continue;
            }
            int height = index.typeOf(device).map(t -> t.uHeight() == null ? 1 : t.uHeight()).orElse(1);
            int top = device.positionU() + height - 1;
            if (device.positionU() < 1 || top > rack.heightU()) {
                violations.add(new PolicyViolation(name(), device.hostname(), "occupies U" + device.positionU()
                        + "-U" + top + " but rack " + rack.name() + " has U1-U" + rack.heightU()));
            }
        }
        return violations;
    }
}
