package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rack's devices at maximum draw stay within its power budget (typical draw where a type states no maximum):
 * budgets are what the colocation's breakers allow, and a bad day runs at maximum.
 */
public final class PowerBudgetCheck implements PolicyCheck {

    @Override
    public String name() {
        return "power-budget";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        Map<String, Integer> drawByRack = new LinkedHashMap<>();
        for (DeviceDraft device : site.devices()) {
            if (device.rack() != null) {
                int draw = index.typeOf(device).map(PowerBudgetCheck::draw).orElse(0);
                drawByRack.merge(device.rack(), draw, Integer::sum);
            }
        }
        List<PolicyViolation> violations = new ArrayList<>();
        for (RackDraft rack : site.racks()) {
            int draw = drawByRack.getOrDefault(rack.name(), 0);
            if (rack.powerBudgetW() != null && draw > rack.powerBudgetW()) {
                violations.add(new PolicyViolation(name(), rack.name(), "devices draw up to " + draw
                        + " W but the rack's budget is " + rack.powerBudgetW() + " W (" + (draw - rack.powerBudgetW())
                        + " W over)"));
            }
        }
        return violations;
    }

    private static int draw(DeviceTypeDraft type) {
        if (type.maxPowerW() != null) {
            return type.maxPowerW();
        }
        return type.typicalPowerW() == null ? 0 : type.typicalPowerW();
    }
}
