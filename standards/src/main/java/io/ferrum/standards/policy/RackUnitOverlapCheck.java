package io.ferrum.standards.policy;

import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceTypeDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * No two devices in one rack claim the same unit. A full-depth device blocks both faces; half-depth devices on
 * opposite faces may share units.
 */
public final class RackUnitOverlapCheck implements PolicyCheck {

    @Override
    public String name() {
        return "rack-unit-overlap";
    }

    @Override
    public List<PolicyViolation> check(io.ferrum.standards.desired.DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        Map<String, List<Mounted>> byRack = new LinkedHashMap<>();
        for (DeviceDraft device : site.devices()) {
            if (device.rack() == null || device.positionU() == null) {
                continue;
            }
            index.typeOf(device).ifPresent(type -> byRack.computeIfAbsent(device.rack(), r -> new ArrayList<>())
                    .add(new Mounted(device, type)));
        }
        List<PolicyViolation> violations = new ArrayList<>();
        byRack.forEach((rack, mounted) -> {
            for (int i = 0; i < mounted.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Mounted a = mounted.get(j);
                    Mounted b = mounted.get(i);
                    if (a.overlaps(b)) {
                        violations.add(new PolicyViolation(name(), b.device.hostname(), "U" + b.bottom() + "-U"
                                + b.top() + " in rack " + rack + " overlaps " + a.device.hostname() + " at U"
                                + a.bottom() + "-U" + a.top()));
                    }
                }
            }
        });
        return violations;
    }

    private record Mounted(DeviceDraft device, DeviceTypeDraft type) {

        int bottom() {
            return device.positionU();
        }

        int top() {
            return device.positionU() + Math.max(1, type.uHeight() == null ? 1 : type.uHeight()) - 1;
        }

        boolean fullDepth() {
            return Boolean.TRUE.equals(type.fullDepth());
        }

        boolean overlaps(Mounted other) {
            boolean sameSpace = fullDepth() || other.fullDepth() || Objects.equals(device.face(), other.device.face());
            return sameSpace && bottom() <= other.top() && other.bottom() <= top();
        }
    }
}
