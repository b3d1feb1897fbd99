package io.ferrum.standards.builtin;

import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.PortKind;
import io.ferrum.model.dcim.PortTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hardware the colo-pod standard is written for. A standard fixes its hardware on purpose: port names, speeds and
 * power figures are what make cabling and capacity rules computable. Power figures are the vendors' maximum draw,
 * because a rack budget that only holds at typical load trips breakers on a bad day.
 */
final class ColoPodCatalogue {

    static final DeviceTypeDraft LEAF = new DeviceTypeDraft("arista-7050sx3-48yc8", "Arista", "DCS-7050SX3-48YC8",
            1, false, 250, 450, List.of(
                    new PortTemplate("Ethernet[1-48]", PortKind.DATA, 25_000, "sfp28"),
                    new PortTemplate("Ethernet[49-56]", PortKind.DATA, 100_000, "qsfp28"),
                    new PortTemplate("Management1", PortKind.MGMT, 1_000, "rj45"),
                    new PortTemplate("Console", PortKind.CONSOLE, null, "rj45")));

    static final DeviceTypeDraft BORDER = new DeviceTypeDraft("arista-7804r3", "Arista", "DCS-7804R3",
            10, true, 1_800, 3_200, List.of(
                    new PortTemplate("Ethernet[1-3]/[1-36]", PortKind.DATA, 100_000, "qsfp28"),
                    new PortTemplate("Ethernet4/[1-48]", PortKind.DATA, 25_000, "sfp28"),
                    new PortTemplate("Management1", PortKind.MGMT, 1_000, "rj45"),
                    new PortTemplate("Console", PortKind.CONSOLE, null, "rj45")));

    static final DeviceTypeDraft MGMT_SWITCH = new DeviceTypeDraft("arista-720xp-48zc2", "Arista", "CCS-720XP-48ZC2",
            1, false, 150, 250, List.of(
                    new PortTemplate("Ethernet[1-48]", PortKind.DATA, 1_000, "rj45"),
                    new PortTemplate("Ethernet[49-52]", PortKind.DATA, 25_000, "sfp28"),
                    new PortTemplate("Console", PortKind.CONSOLE, null, "rj45")));

    static final DeviceTypeDraft CONSOLE_SERVER = new DeviceTypeDraft("opengear-cm8148", "Opengear", "CM8148",
            1, false, 25, 40, List.of(
                    new PortTemplate("Port[1-48]", PortKind.CONSOLE, null, "rj45"),
                    new PortTemplate("Eth0", PortKind.MGMT, 1_000, "rj45")));

    static final Map<String, DeviceTypeDraft> SERVERS = servers(
            server("dell-r660", "PowerEdge R660", 1, 350, 700),
            server("dell-r760", "PowerEdge R760", 2, 550, 1_100));

    /** Leaf ports for servers (server n on port n); Ethernet48 takes the rack management switch's uplink. */
    static final int LEAF_SERVER_PORTS = 47;
    static final String LEAF_MGMT_UPLINK_PORT = "Ethernet48";
    /** The leaf's first fabric port; port 49 + b goes to border b. */
    static final int LEAF_FIRST_FABRIC_PORT = 49;

    /** Takes the network rack's management switch uplink. */
    static final String BORDER_MGMT_UPLINK_PORT = "Ethernet4/48";

    /** Access ports of a management switch; the highest ones are kept for the rack's own network devices. */
    static final int MGMT_ACCESS_PORTS = 48;
    static final String MGMT_FIRST_UPLINK_PORT = "Ethernet49";

    private ColoPodCatalogue() {
    }

    static List<DeviceTypeDraft> all() {
        List<DeviceTypeDraft> all = new java.util.ArrayList<>(List.of(LEAF, BORDER, MGMT_SWITCH, CONSOLE_SERVER));
        all.addAll(SERVERS.values());
        return all;
    }

    private static DeviceTypeDraft server(String slug, String model, int uHeight, int typicalW, int maxW) {
        return new DeviceTypeDraft(slug, "Dell", model, uHeight, true, typicalW, maxW, List.of(
                new PortTemplate("eth[0-1]", PortKind.DATA, 25_000, "sfp28"),
                new PortTemplate("bmc", PortKind.MGMT, 1_000, "rj45")));
    }

    private static Map<String, DeviceTypeDraft> servers(DeviceTypeDraft... types) {
        Map<String, DeviceTypeDraft> bySlug = new LinkedHashMap<>();
        for (DeviceTypeDraft type : types) {
            bySlug.put(type.slug(), type);
        }
        return java.util.Collections.unmodifiableMap(bySlug);
    }
}
