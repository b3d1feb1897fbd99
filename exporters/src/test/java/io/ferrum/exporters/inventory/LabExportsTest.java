package io.ferrum.exporters.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Csv;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.ExchangeConnectionInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.ipam.IpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The two files the device lab is built from: the device inventory and the exchange hand-offs. */
class LabExportsTest {

    private final SiteInventory site = TinySite.inventory();

    private static Map<String, Map<String, String>> rowsBy(byte[] csv, String key) {
        List<List<String>> rows = Csv.parse(csv);
        List<String> header = rows.get(0);
        return rows.subList(1, rows.size()).stream().map(r -> {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            return row;
        }).collect(Collectors.toMap(r -> r.get(key), Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void everyDeviceWithItsIntendedSerialAndManagementAddressInCidrForm() {
        Map<String, Map<String, String>> rows = rowsBy(new DeviceInventoryCsv().render(site, ExportOptions.defaults()),
                "hostname");
        assertThat(rows.keySet()).containsExactlyElementsOf(site.devices().stream().map(d -> d.hostname()).toList());
        Map<String, String> leaf1 = rows.get("leaf1");
        assertThat(leaf1).containsEntry("role", "leaf").containsEntry("serial", "LEF0001")
                .containsEntry("platform", "eos").containsEntry("rack", "r01")
                .containsEntry("mgmt_address", "10.10.0.11/24").containsEntry("mgmt_port", "Management1")
                .containsEntry("mgmt_mac", "02:00:00:00:00:11")
                .containsEntry("ssh_port", "22").containsEntry("netconf_port", "830").containsEntry("snmp_port", "161");
        // the BMC is a server's management address
        assertThat(rows.get("srv1")).containsEntry("mgmt_address", "10.10.0.21/24").containsEntry("mgmt_port", "bmc");
        // no management address: listed (the lab says why it skips it), with no ports to reach it on
        assertThat(rows.get("patch1")).containsEntry("mgmt_address", "").containsEntry("ssh_port", "");
    }

    @Test
    void oneRowPerHandoffPortWithOurAddressOnTheLink() {
        List<AddressInfo> addresses = new ArrayList<>(site.addresses());
        addresses.add(new AddressInfo(null, "198.19.0.0/31", "leaf1", "Ethernet2", null, IpStatus.ACTIVE));
        SiteInventory withHandoffs = new SiteInventory(site.site(), site.racks(), site.devices(), site.cables(),
                site.prefixes(), addresses, List.of(
                        new ExchangeConnectionInfo("XAMS", "XAMS-0001", "leaf1", List.of("Ethernet2"), "xams",
                                ConnectionStatus.ACTIVE),
                        new ExchangeConnectionInfo("XLON", "XLON-0001", "leaf2", List.of("Ethernet1"), null,
                                ConnectionStatus.PLANNED)));
        Map<String, Map<String, String>> rows = rowsBy(
                new ExchangeHandoffsCsv().render(withHandoffs, ExportOptions.defaults()), "circuit_id");
        assertThat(rows.get("XAMS-0001")).containsEntry("exchange", "XAMS").containsEntry("kill_switch_group", "xams")
                .containsEntry("device", "leaf1").containsEntry("port", "Ethernet2")
                .containsEntry("address", "198.19.0.0/31").containsEntry("status", "active");
        assertThat(rows.get("XLON-0001")).containsEntry("kill_switch_group", "").containsEntry("address", "");
    }
}
