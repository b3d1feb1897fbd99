package io.ferrum.assurance.audit;

import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.SiteStatus;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.ExchangeConnectionInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.ipam.IpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A literal little pod for the auditor's tests: a border with an exchange hand-off on Ethernet4 (XAMS-1), cabled
 * to two leafs, and a disabled spare port. Cables: C-1 border01:Ethernet1 - leaf01:Ethernet49, C-2 border01:Ethernet2
 * - leaf02:Ethernet49.
 */
final class PodIntent {

    private PodIntent() {
    }

    static SiteInventory site(ConnectionStatus exchangeStatus) {
        List<DeviceInfo> devices = List.of(
                device("border01", DeviceRole.BORDER, "SN-B1", "198.18.0.1", ports("Ethernet1", "Ethernet2",
                        "Ethernet3", "Ethernet4", "Management1")),
                device("leaf01", DeviceRole.LEAF, "SN-L1", "198.18.0.11", ports("Ethernet49", "Management1")),
                device("leaf02", DeviceRole.LEAF, "SN-L2", "198.18.0.12", ports("Ethernet49", "Management1")));
        List<CableInfo> cables = List.of(cable("C-1", "border01", "Ethernet1", "leaf01", "Ethernet49"),
                cable("C-2", "border01", "Ethernet2", "leaf02", "Ethernet49"));
        List<AddressInfo> addresses = List.of(
                new AddressInfo(null, "198.18.0.1/24", "border01", "Management1", null, IpStatus.ACTIVE),
                new AddressInfo(null, "198.18.0.11/24", "leaf01", "Management1", null, IpStatus.ACTIVE),
                new AddressInfo(null, "198.18.0.12/24", "leaf02", "Management1", null, IpStatus.ACTIVE));
        List<ExchangeConnectionInfo> exchange = List.of(new ExchangeConnectionInfo("XAMS", "XAMS-1", "border01",
                List.of("Ethernet4"), "xams", exchangeStatus));
        return new SiteInventory(new SiteInfo("pod", "Pod", null, "UTC", SiteStatus.ACTIVE), List.of(), devices,
                cables, List.of(), addresses, exchange);
    }

    /** Every port enabled but Ethernet3, the spare. */
    private static List<PortInfo> ports(String... names) {
        List<PortInfo> ports = new ArrayList<>();
        for (String name : names) {
            ports.add(new PortInfo(name, name.startsWith("Management") ? PortKind.MGMT : PortKind.DATA, 10000, null,
                    null, !name.equals("Ethernet3"), null));
        }
        return ports;
    }

    private static DeviceInfo device(String hostname, DeviceRole role, String serial, String primaryIp,
                                     List<PortInfo> ports) {
        return new DeviceInfo(hostname, role, "Acme", "X", "x", 1, true, 100, 200, serial, null, DeviceStatus.ACTIVE,
                null, null, null, "lab-eos", primaryIp, null, ports, Set.of());
    }

    private static CableInfo cable(String label, String a, String aPort, String b, String bPort) {
        return new CableInfo(label, new CableInfo.CableEnd(a, aPort), new CableInfo.CableEnd(b, bPort), CableType.DAC,
                "black", BigDecimal.ONE, CableStatus.PLANNED);
    }
}
