package io.ferrum.standards.policy;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every server has at least one data port cabled to a network device (leaf, spine or border). */
public final class ServerUplinkCheck implements PolicyCheck {

    private static final Set<DeviceRole> NETWORK = Set.of(DeviceRole.LEAF, DeviceRole.SPINE, DeviceRole.BORDER);

    @Override
    public String name() {
        return "server-uplink";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        DesignIndex index = new DesignIndex(site);
        Set<String> uplinked = new HashSet<>();
        for (CableDraft cable : site.cables()) {
            note(index, cable.a(), cable.b(), uplinked);
            note(index, cable.b(), cable.a(), uplinked);
        }
        List<PolicyViolation> violations = new ArrayList<>();
        for (DeviceDraft device : site.devices()) {
            if (device.role() == DeviceRole.SERVER && !uplinked.contains(device.hostname())) {
                violations.add(new PolicyViolation(name(), device.hostname(), "has no data port cabled to a leaf, "
                        + "spine or border, so it cannot reach the network"));
            }
        }
        return violations;
    }

    private static void note(DesignIndex index, CableDraft.End server, CableDraft.End peer, Set<String> uplinked) {
        boolean dataPort = index.port(server.device(), server.port()).map(p -> p.kind() == PortKind.DATA)
                .orElse(false);
        boolean toNetwork = index.device(peer.device()).map(d -> NETWORK.contains(d.role())).orElse(false);
        if (dataPort && toNetwork) {
            uplinked.add(server.device());
        }
    }
}
